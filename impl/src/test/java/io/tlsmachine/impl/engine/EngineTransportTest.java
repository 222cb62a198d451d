package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.CryptoBackend;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Checks what the transport may do to the bytes (split them anywhere, carry large data) and mixed crypto providers. */
class EngineTransportTest {

    @Test
    void handshakeCompletesWhenEveryByteArrivesAlone() {
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            TlsEngine client = TlsEngine.client(EngineFixtures.client(EC).versions(version).build());
            TlsEngine server = TlsEngine.server(EngineFixtures.server(EC).build());
            client.beginHandshake();
            for (int round = 0; round < 8 && !(client.isHandshakeComplete() && server.isHandshakeComplete()); round++) {
                for (byte b : client.drainOutbound()) {
                    server.feed(new byte[] {b});
                }
                for (byte b : server.drainOutbound()) {
                    client.feed(new byte[] {b});
                }
            }
            assertThat(client.isHandshakeComplete()).as("%s client", version).isTrue();
            assertThat(server.isHandshakeComplete()).as("%s server", version).isTrue();
        }
    }

    @Test
    void applicationDataLargerThanOneRecordArrivesWhole() {
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).versions(version).build(),
                    EngineFixtures.server(EC).build()).handshake();
            byte[] data = new byte[100_000];
            new SplittableRandom(5).nextBytes(data);
            pair.client.writeApplicationData(data);
            pair.pump();
            assertThat(pair.server.readApplicationData()).as("%s", version).isEqualTo(data);
            pair.assertTracesArePathsOfTheModel();
        }
    }

    @Test
    void jdkAndBouncyCastleProvidersInteroperate() {
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            EngineFixtures.Pair pair = new EngineFixtures.Pair(
                    EngineFixtures.client(RSA).versions(version).crypto(CryptoBackend.BOUNCY_CASTLE).build(),
                    EngineFixtures.server(RSA).crypto(CryptoBackend.JDK).build()).handshake();
            assertThat(pair.client.isHandshakeComplete()).as("%s", version).isTrue();
            pair.server.writeApplicationData(new byte[] {9, 8, 7});
            pair.pump();
            assertThat(pair.client.readApplicationData()).containsExactly(9, 8, 7);
        }
    }

    @Test
    void coalescedFlightsInOneFeedAreProcessedInOrder() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build())
                .handshake();
        ByteArrayOutputStream together = new ByteArrayOutputStream();
        pair.server.writeApplicationData(new byte[] {1});
        together.writeBytes(pair.server.drainOutbound());
        pair.server.requestKeyUpdate();
        pair.server.writeApplicationData(new byte[] {2});
        together.writeBytes(pair.server.drainOutbound());
        pair.client.feed(together.toByteArray());
        assertThat(pair.client.readApplicationData()).containsExactly(1, 2);
        pair.pump();
        pair.server.writeApplicationData(new byte[] {3});
        pair.pump();
        assertThat(pair.client.readApplicationData()).containsExactly(3);
    }
}
