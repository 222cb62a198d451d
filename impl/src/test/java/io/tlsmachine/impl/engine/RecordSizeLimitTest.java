package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CipherSuite;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.PaddingPolicy;
import io.tlsmachine.model.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** record_size_limit (RFC 8449) negotiated both ways, and the TLS 1.3 padding policy (RFC 8446 §5.4). */
class RecordSizeLimitTest {

    private static final long SEED = 8449;
    /** AES-GCM and ChaCha20-Poly1305 tag. */
    private static final int TAG = 16;
    /** TLS 1.2 AES-GCM explicit nonce (RFC 5288 §3). */
    private static final int EXPLICIT_NONCE = 8;

    private static EngineFixtures.Pair connected(TlsConfig client, TlsConfig server) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client, server).handshake();
        assertThat(pair.client.isHandshakeComplete()).as("client in %s", pair.client.state()).isTrue();
        assertThat(pair.server.isHandshakeComplete()).as("server in %s", pair.server.state()).isTrue();
        return pair;
    }

    /** Writes {@code length} seeded bytes from {@code from}, checks {@code to} reads them intact; returns the records. */
    private static List<Integer> sendAndMeasure(TlsEngine from, TlsEngine to, int length) {
        byte[] data = new byte[length];
        new SplittableRandom(SEED).nextBytes(data);
        from.writeApplicationData(data);
        byte[] wire = from.drainOutbound();
        to.feed(wire);
        assertThat(to.readApplicationData()).as("seed %d", SEED).isEqualTo(data);
        List<Integer> lengths = new ArrayList<>();
        for (int at = 0; at < wire.length; ) {
            int recordLength = ((wire[at + 3] & 0xFF) << 8) | (wire[at + 4] & 0xFF);
            lengths.add(recordLength);
            at += 5 + recordLength;
        }
        return lengths;
    }

    @Test
    void tls13EndpointsWriteRecordsNoLargerThanThePeersLimit() {
        EngineFixtures.Pair pair = connected(EngineFixtures.client(EC).recordSizeLimit(256).build(),
                EngineFixtures.server(EC).recordSizeLimit(1024).build());
        // RFC 8449 §4: in TLS 1.3 the limit counts the inner content type byte.
        List<Integer> toClient = sendAndMeasure(pair.server, pair.client, 5000);
        assertThat(toClient).allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(256 + TAG));
        assertThat(toClient).contains(256 + TAG);
        List<Integer> toServer = sendAndMeasure(pair.client, pair.server, 5000);
        assertThat(toServer).allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(1024 + TAG));
        assertThat(toServer).contains(1024 + TAG);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void tls12EndpointsWriteRecordsNoLargerThanThePeersLimit() {
        EngineFixtures.Pair pair = connected(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12)
                        .cipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256).recordSizeLimit(300).build(),
                EngineFixtures.server(EC).recordSizeLimit(700).build());
        List<Integer> toClient = sendAndMeasure(pair.server, pair.client, 3000);
        assertThat(toClient).allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(300 + EXPLICIT_NONCE + TAG));
        assertThat(toClient).contains(300 + EXPLICIT_NONCE + TAG);
        List<Integer> toServer = sendAndMeasure(pair.client, pair.server, 3000);
        assertThat(toServer).contains(700 + EXPLICIT_NONCE + TAG);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void serverWithoutAConfiguredLimitStillHonoursTheClientsAndAnswersWithTheMaximum() {
        EngineFixtures.Pair pair = connected(EngineFixtures.client(EC).recordSizeLimit(64).build(),
                EngineFixtures.server(EC).build());
        List<Integer> toClient = sendAndMeasure(pair.server, pair.client, 1000);
        assertThat(toClient).allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(64 + TAG));
        assertThat(toClient).contains(64 + TAG);
        assertThat(sendAndMeasure(pair.client, pair.server, 20_000)).contains((1 << 14) + 1 + TAG);
    }

    @Test
    void clientWithoutTheExtensionGetsFullSizeRecordsFromALimitedServer() {
        EngineFixtures.Pair pair = connected(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).recordSizeLimit(128).build());
        assertThat(sendAndMeasure(pair.client, pair.server, 20_000)).contains((1 << 14) + 1 + TAG);
        assertThat(sendAndMeasure(pair.server, pair.client, 20_000)).contains((1 << 14) + 1 + TAG);
    }

    @Test
    void limitsOutsideSixtyFourToTwoToTheFourteenPlusOneAreRefusedByTheBuilder() {
        TlsConfigBuilder builder = TlsConfig.builder();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> builder.recordSizeLimit(63));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> builder.recordSizeLimit((1 << 14) + 2));
    }

    @Test
    void tls13PaddingPolicyPadsEachInnerPlaintextToTheBlockSize() {
        EngineFixtures.Pair pair = connected(EngineFixtures.client(EC).paddingPolicy(PaddingPolicy.toBlockSize(128)).build(),
                EngineFixtures.server(EC).build());
        for (int length : new int[] {1, 100, 127, 128, 1000}) {
            List<Integer> records = sendAndMeasure(pair.client, pair.server, length);
            assertThat(records).as("%d bytes", length).allSatisfy(record -> assertThat((record - TAG) % 128).isZero());
        }
        assertThat(sendAndMeasure(pair.server, pair.client, 1)).as("the server does not pad").containsExactly(1 + 1 + TAG);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void paddingNeverPushesARecordPastThePeersLimit() {
        EngineFixtures.Pair pair = connected(EngineFixtures.client(EC).paddingPolicy(PaddingPolicy.toBlockSize(1000))
                        .recordSizeLimit((1 << 14) + 1).build(),
                EngineFixtures.server(EC).recordSizeLimit(300).build());
        assertThat(sendAndMeasure(pair.client, pair.server, 10)).containsExactly(300 + TAG);
    }
}
