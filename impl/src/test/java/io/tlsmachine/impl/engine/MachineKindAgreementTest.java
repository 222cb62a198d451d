package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import io.tlsmachine.MachineKind;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.model.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Runs the same seeded connections on the compiled table and on the strict Squirrel machine: same traces, same bytes. */
class MachineKindAgreementTest {

    private record Run(List<String> clientTrace, List<String> serverTrace, List<byte[]> wire) {
    }

    private static Run run(MachineKind kind, UnaryOperator<TlsConfigBuilder> client, UnaryOperator<TlsConfigBuilder> server) {
        List<String> clientTrace = new ArrayList<>();
        List<String> serverTrace = new ArrayList<>();
        TlsEngine c = TlsEngine.client(client.apply(EngineFixtures.client(EC).random(EngineFixtures.seeded(11))).build(), kind)
                .addTransitionListener(t -> clientTrace.add(t.toString()));
        TlsEngine s = TlsEngine.server(server.apply(EngineFixtures.server(EC).random(EngineFixtures.seeded(12))).build(), kind)
                .addTransitionListener(t -> serverTrace.add(t.toString()));
        List<byte[]> wire = new ArrayList<>();
        c.beginHandshake();
        for (int round = 0; round < 16; round++) {
            byte[] toServer = c.drainOutbound();
            byte[] toClient = s.drainOutbound();
            wire.add(toServer);
            wire.add(toClient);
            s.feed(toServer);
            c.feed(toClient);
            if (round == 4 && c.isHandshakeComplete()) {
                c.writeApplicationData(new byte[] {42});
                c.close();
            }
        }
        return new Run(clientTrace, serverTrace, wire);
    }

    private static void assertAgree(UnaryOperator<TlsConfigBuilder> client, UnaryOperator<TlsConfigBuilder> server) {
        Run table = run(MachineKind.COMPILED_TABLE, client, server);
        Run squirrel = run(MachineKind.SQUIRREL, client, server);
        assertThat(squirrel.clientTrace()).isEqualTo(table.clientTrace()).isNotEmpty();
        assertThat(squirrel.serverTrace()).isEqualTo(table.serverTrace()).isNotEmpty();
        for (int i = 0; i < table.wire().size(); i++) {
            assertThat(squirrel.wire().get(i)).as("flight %d", i).isEqualTo(table.wire().get(i));
        }
    }

    @Test
    void tls13WithHelloRetryRequestAgrees() {
        assertAgree(b -> b.keyShareGroups(KeyExchangeGroup.X25519), b -> b.groups(KeyExchangeGroup.SECP256R1));
    }

    @Test
    void tls12Agrees() {
        assertAgree(b -> b.versions(ProtocolVersion.TLS12), b -> b);
    }

    @Test
    void failedHandshakeAgrees() {
        assertAgree(b -> b.serverName("wrong.test"), b -> b);
    }
}
