package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.Reason;
import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.impl.keyschedule.Tls13Hkdf;
import io.tlsmachine.impl.keyschedule.TrafficSecret;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.record.Tls13AeadProtection;
import io.tlsmachine.model.server.ServerState;
import io.tlsmachine.ApiInternals;
import org.junit.jupiter.api.Test;

/**
 * EndOfEarlyData belongs under the client's early key in WAIT_EOED only (RFC 8446 §4.5, Appendix A.2); anywhere
 * else, and any other handshake message in its place, the server sends one unexpected_message alert. The records
 * are sealed with the keys the server's key log reveals, as a client that deviates would seal them.
 */
class EndOfEarlyDataPlacementTest {

    /** RFC 8446 §4.5: struct {} EndOfEarlyData, with its handshake header. */
    private static final byte[] END_OF_EARLY_DATA = {5, 0, 0, 0};

    private final CapturingKeyLog serverLog = new CapturingKeyLog();
    private final TicketStore store = new TicketStore();
    private final TlsConfig server = EngineFixtures.server(EC).ticketsEnabled(true).maxEarlyDataSize(1024)
            .keyLog(serverLog).build();

    private TlsConfig client() {
        return EngineFixtures.client(EC).ticketStore(store).cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256).build();
    }

    /** A record protection keyed like the client's, from a secret the server logged. */
    private Tls13AeadProtection clientKey(KeyLogLabel label, Epoch epoch) {
        TrafficSecret secret = TrafficSecret.of(new Tls13Hkdf(ApiInternals.crypto(server), HashAlgorithm.SHA256),
                Secret.copyOf(serverLog.secret(label)));
        return Tls13AeadProtection.create(epoch, ApiInternals.crypto(server), secret.trafficKeys(AeadAlgorithm.AES_128_GCM));
    }

    private static void assertOneUnexpectedMessageAlert(EngineFixtures.Pair pair) {
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.UNEXPECTED_MESSAGE);
        byte[] sent = pair.server.drainOutbound();
        assertThat(sent).as("one record").hasSizeGreaterThan(5);
        assertThat(sent[0]).as("an alert record, or its TLS 1.3 disguise").isIn((byte) 21, (byte) 23);
        assertThat(((sent[3] & 0xFF) << 8 | (sent[4] & 0xFF)) + 5).isEqualTo(sent.length);
        pair.server.feed(new byte[] {21, 3, 3, 0, 2, 1, 0});
        assertThat(pair.server.drainOutbound()).as("silence after the alert").isEmpty();
        EngineFixtures.assertPathOfModel(pair.server, pair.serverTrace);
    }

    @Test
    void endOfEarlyDataUnderTheHandshakeKeyWithoutEarlyDataIsUnexpectedMessage() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client(), server);
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        pair.server.drainOutbound();
        assertThat(pair.server.state()).isEqualTo(ServerState.WAIT_FLIGHT2);
        Tls13AeadProtection handshakeKey = clientKey(KeyLogLabel.CLIENT_HANDSHAKE_TRAFFIC_SECRET, Epoch.HANDSHAKE);
        pair.server.feed(handshakeKey.seal(ContentType.HANDSHAKE, VersionCode.TLS12, END_OF_EARLY_DATA, 0, 4, 0));
        assertOneUnexpectedMessageAlert(pair);
    }

    /** Resumes with early data and stops once the server read the client's first flight (it waits in WAIT_EOED). */
    private EngineFixtures.Pair inWaitEndOfEarlyData() {
        new EngineFixtures.Pair(client(), server).handshake();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client(), server);
        pair.client.offerEarlyData(new byte[] {42});
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        pair.server.drainOutbound();
        assertThat(pair.server.state()).isEqualTo(ServerState.WAIT_EOED);
        return pair;
    }

    @Test
    void finishedInsteadOfEndOfEarlyDataUnderTheEarlyKeyIsUnexpectedMessage() {
        EngineFixtures.Pair pair = inWaitEndOfEarlyData();
        Tls13AeadProtection earlyKey = clientKey(KeyLogLabel.CLIENT_EARLY_TRAFFIC_SECRET, Epoch.EARLY);
        earlyKey.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, new byte[] {42}, 0, 1, 0);
        byte[] finished = new byte[4 + 32];
        finished[0] = 20;
        finished[3] = 32;
        pair.server.feed(earlyKey.seal(ContentType.HANDSHAKE, VersionCode.TLS12, finished, 0, finished.length, 0));
        assertOneUnexpectedMessageAlert(pair);
    }

    @Test
    void endOfEarlyDataInTheClearIsUnexpectedMessage() {
        EngineFixtures.Pair pair = inWaitEndOfEarlyData();
        pair.server.feed(new byte[] {22, 3, 3, 0, 4, 5, 0, 0, 0});
        assertOneUnexpectedMessageAlert(pair);
    }

    @Test
    void endOfEarlyDataUnderTheEarlyKeyMovesTheServerOnToTheHandshakeKey() {
        EngineFixtures.Pair pair = inWaitEndOfEarlyData();
        Tls13AeadProtection earlyKey = clientKey(KeyLogLabel.CLIENT_EARLY_TRAFFIC_SECRET, Epoch.EARLY);
        earlyKey.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, new byte[] {42}, 0, 1, 0);
        pair.server.feed(earlyKey.seal(ContentType.HANDSHAKE, VersionCode.TLS12, END_OF_EARLY_DATA, 0, 4, 0));
        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.server.state()).isEqualTo(ServerState.WAIT_FLIGHT2);
        assertThat(pair.server.readEarlyData()).containsExactly(42);
        pair.server.feed(earlyKey.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, new byte[] {43}, 0, 1, 0));
        assertThat(pair.server.failure().orElseThrow().reason()).as("the early key is gone").isEqualTo(Reason.BAD_RECORD_MAC);
        EngineFixtures.assertPathOfModel(pair.server, pair.serverTrace);
    }
}
