package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.extension.EarlyData;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.model.server.ServerState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The server never accepts 0-RTT: when a ClientHello offers early_data it skips the early data records, within a
 * bound, and keeps waiting for the client's second flight (RFC 8446 §4.2.10).
 */
class RejectedEarlyDataTest {

    private static final long SEED = 4210;
    /** Early data record bodies: what a client sealed under its early traffic key (random bytes to us). */
    private static final int RECORD_BODY = 1000;

    /** A client that shares P-256 straight away, or X25519 (which a P-256-only server retries). */
    private static TlsConfig client(boolean retried) {
        KeyExchangeGroup share = retried ? KeyExchangeGroup.X25519 : KeyExchangeGroup.SECP256R1;
        return EngineFixtures.client(EC).groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1).keyShareGroups(share).build();
    }

    /** Feeds the server a ClientHello that an attacker (or a client with another server's ticket) gave early_data. */
    static EngineFixtures.Pair afterClientHelloOfferingEarlyData(boolean retried) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client(retried),
                EngineFixtures.server(EC).groups(KeyExchangeGroup.SECP256R1).build());
        pair.client.beginHandshake();
        pair.server.feed(EngineFixtures.rewriteClientHello(pair.client.drainOutbound(), hello -> {
            List<Extension> extensions = new ArrayList<>(hello.extensions());
            extensions.add(new EarlyData());
            return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                    hello.legacyCompressionMethods(), extensions);
        }));
        assertThat(pair.server.isFailed()).as("failure %s", pair.server.failure()).isFalse();
        assertThat(pair.server.drainOutbound()).as("the server answers the ClientHello").isNotEmpty();
        return pair;
    }

    /** Returns {@code count} application_data records of random bodies (the seed is fixed). */
    static byte[] earlyDataRecords(int count) {
        SplittableRandom random = new SplittableRandom(SEED);
        byte[] records = new byte[count * (5 + RECORD_BODY)];
        for (int i = 0; i < count; i++) {
            int at = i * (5 + RECORD_BODY);
            records[at] = 23;
            records[at + 1] = 3;
            records[at + 2] = 3;
            records[at + 3] = (byte) (RECORD_BODY >>> 8);
            records[at + 4] = (byte) RECORD_BODY;
            byte[] body = new byte[RECORD_BODY];
            random.nextBytes(body);
            System.arraycopy(body, 0, records, at + 5, RECORD_BODY);
        }
        return records;
    }

    @Test
    void serverSkipsEarlyDataItCannotDecryptAndKeepsWaitingForTheSecondFlight() {
        EngineFixtures.Pair pair = afterClientHelloOfferingEarlyData(false);
        ServerState waiting = (ServerState) pair.server.state();
        pair.server.feed(earlyDataRecords(8));
        assertThat(pair.server.isFailed()).as("failure %s", pair.server.failure()).isFalse();
        assertThat(pair.server.state()).isEqualTo(waiting);
        assertThat(pair.server.drainOutbound()).isEmpty();
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void serverSkipsClearApplicationDataRecordsAfterHelloRetryRequest() {
        EngineFixtures.Pair pair = afterClientHelloOfferingEarlyData(true);
        assertThat(pair.server.state()).isNotEqualTo(ServerState.WAIT_FLIGHT2);
        pair.server.feed(earlyDataRecords(8));
        assertThat(pair.server.isFailed()).as("failure %s", pair.server.failure()).isFalse();
        assertThat(pair.server.drainOutbound()).isEmpty();
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void moreSkippedEarlyDataThanTheBoundFailsWithOneUnexpectedMessageAlert() {
        EngineFixtures.Pair pair = afterClientHelloOfferingEarlyData(true);
        pair.server.feed(earlyDataRecords(20));
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.TOO_MUCH_EARLY_DATA);
        assertThat(pair.server.drainOutbound())
                .isEqualTo(new byte[] {21, 3, 3, 0, 2, 2, (byte) AlertDescription.UNEXPECTED_MESSAGE.code()});
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void withoutAnEarlyDataOfferAnUndecryptableRecordIsBadRecordMac() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client(false), EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        pair.server.drainOutbound();
        pair.server.feed(earlyDataRecords(1));
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.BAD_RECORD_MAC);
    }
}
