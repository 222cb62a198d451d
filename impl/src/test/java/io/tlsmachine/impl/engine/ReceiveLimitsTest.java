package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.ChangeCipherSpecConformanceTest.assertFailedAndPeerReads;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.Reason;
import io.tlsmachine.model.ProtocolVersion;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * What a peer may repeat without progress is bounded (the CVE-2020-25648 class: records that cost the receiver work
 * and move nothing forward). Each limit is {@link ReceiveLimits}'s constant and a row of specs/limits.md; one more
 * than the limit is unexpected_message, the limit itself is accepted.
 */
class ReceiveLimitsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CHANGE_CIPHER_SPEC = TestRecords.plaintext(20, new byte[] {1});

    /** RFC 8446 Appendix D.4: a peer sends one compatibility ChangeCipherSpec in a TLS 1.3 handshake. */
    @Test
    void tls13ServerAcceptsTheLimitOfChangeCipherSpecRecordsAndRejectsOneMore() {
        EngineFixtures.Pair pair = tls13ServerAfterClientHello();
        for (int i = 0; i < ReceiveLimits.MAX_TLS13_CHANGE_CIPHER_SPECS; i++) {
            pair.server.feed(CHANGE_CIPHER_SPEC);
        }
        assertThat(pair.server.isFailed()).as("%s", pair.server.failure()).isFalse();
        pair.server.feed(CHANGE_CIPHER_SPEC);
        assertFailedAndPeerReads(pair.server, pair.client, Reason.UNEXPECTED_MESSAGE, AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void fiftyChangeCipherSpecRecordsInARowDoNotPassSilently() {
        EngineFixtures.Pair pair = tls13ServerAfterClientHello();
        for (int i = 0; i < 50; i++) {
            pair.server.feed(CHANGE_CIPHER_SPEC);
        }
        assertThat(pair.server.isFailed()).isTrue();
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.UNEXPECTED_MESSAGE);
    }

    /** RFC 8446 §5.1: "Zero-length fragments of Application Data MAY be sent", but not without end. */
    @Test
    void emptyApplicationDataRecordsInARowAreBounded() {
        EngineFixtures.Pair pair = connected(ProtocolVersion.TLS13);
        for (int i = 0; i < ReceiveLimits.MAX_EMPTY_RECORDS_IN_A_ROW; i++) {
            pair.client.writeApplicationData(new byte[0]);
        }
        pair.server.feed(pair.client.drainOutbound());
        assertThat(pair.server.isFailed()).as("%s", pair.server.failure()).isFalse();
        pair.client.writeApplicationData(new byte[] {1});
        pair.client.writeApplicationData(new byte[0]);
        pair.server.feed(pair.client.drainOutbound());
        assertThat(pair.server.isFailed()).as("data resets the count").isFalse();
        for (int i = 0; i < ReceiveLimits.MAX_EMPTY_RECORDS_IN_A_ROW; i++) {
            pair.client.writeApplicationData(new byte[0]);
        }
        pair.server.feed(pair.client.drainOutbound());
        assertFailedAndPeerReads(pair.server, pair.client, Reason.UNEXPECTED_MESSAGE, AlertDescription.UNEXPECTED_MESSAGE);
        assertThat(pair.server.readApplicationData()).containsExactly(1);
    }

    /** RFC 5246 §7.2: a warning alert does not end the connection; a stream of them does. */
    @Test
    void tls12WarningAlertsInARowAreBounded() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(),
                EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        pair.server.drainOutbound();
        byte[] warning = HEX.parseHex("150303000201" + "70"); // warning unrecognized_name
        for (int i = 0; i < ReceiveLimits.MAX_WARNING_ALERTS_IN_A_ROW; i++) {
            pair.server.feed(warning);
        }
        assertThat(pair.server.isFailed()).as("%s", pair.server.failure()).isFalse();
        pair.server.feed(warning);
        assertThat(pair.server.isFailed()).isTrue();
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.UNEXPECTED_MESSAGE);
        assertThat(HEX.formatHex(pair.server.drainOutbound())).isEqualTo("1503030002020a");
    }

    /** RFC 8446 §4.6.3: each KeyUpdate costs a key derivation (and an answer); without data between, they are bounded. */
    @Test
    void keyUpdatesInARowAreBounded() {
        EngineFixtures.Pair pair = connected(ProtocolVersion.TLS13);
        for (int i = 0; i < ReceiveLimits.MAX_KEY_UPDATES_IN_A_ROW; i++) {
            pair.client.requestKeyUpdate();
        }
        pair.server.feed(pair.client.drainOutbound());
        assertThat(pair.server.isFailed()).as("%s", pair.server.failure()).isFalse();
        pair.client.feed(pair.server.drainOutbound());
        pair.client.writeApplicationData(new byte[] {1});
        pair.client.requestKeyUpdate();
        pair.server.feed(pair.client.drainOutbound());
        assertThat(pair.server.isFailed()).as("data resets the count").isFalse();
        pair.client.feed(pair.server.drainOutbound());
        for (int i = 0; i < ReceiveLimits.MAX_KEY_UPDATES_IN_A_ROW; i++) {
            pair.client.requestKeyUpdate();
        }
        pair.server.feed(pair.client.drainOutbound());
        assertThat(pair.server.isFailed()).isTrue();
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.UNEXPECTED_MESSAGE);
        // The answers to the KeyUpdates within the limit left before the failure, then the one alert.
        pair.client.feed(pair.server.drainOutbound());
        assertThat(pair.client.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.UNEXPECTED_MESSAGE);
    }

    /**
     * Answers to our own requests are no flood: an uploading client that updates its key 40 times (with data, as the
     * automatic update does) reads the server's 40 answers although the server sends no data.
     */
    @Test
    void answersToOurOwnKeyUpdateRequestsAreNotCounted() {
        EngineFixtures.Pair pair = connected(ProtocolVersion.TLS13);
        for (int i = 0; i < ReceiveLimits.MAX_KEY_UPDATES_IN_A_ROW + 8; i++) {
            pair.client.requestKeyUpdate();
            pair.client.writeApplicationData(new byte[] {(byte) i});
            pair.server.feed(pair.client.drainOutbound());
            pair.client.feed(pair.server.drainOutbound());
        }
        assertThat(pair.client.isFailed()).as("%s", pair.client.failure()).isFalse();
        assertThat(pair.server.isFailed()).as("%s", pair.server.failure()).isFalse();
    }

    private static EngineFixtures.Pair tls13ServerAfterClientHello() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(),
                EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        pair.client.feed(pair.server.drainOutbound());
        return pair;
    }

    private static EngineFixtures.Pair connected(ProtocolVersion version) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).versions(version).build(),
                EngineFixtures.server(EC).versions(version).build()).handshake();
        assertThat(pair.server.isHandshakeComplete()).isTrue();
        return pair;
    }
}
