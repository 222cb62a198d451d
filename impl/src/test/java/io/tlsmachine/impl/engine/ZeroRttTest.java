package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.session.StoredTicket;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.EarlyDataStatus;
import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import io.tlsmachine.ApiInternals;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * TLS 1.3 0-RTT end to end (RFC 8446 §2.3, §4.2.10, §4.5, §8): our client sends early data with a ticket of our
 * server, which accepts it when configured, once per ticket, for the ticket's suite, ALPN protocol and server name.
 */
class ZeroRttTest {

    static final byte[] EARLY = "GET /early HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] LATE = "1-RTT".getBytes(StandardCharsets.US_ASCII);

    private final TicketStore store = new TicketStore();
    private final TlsConfig server = EngineFixtures.server(EC).ticketsEnabled(true).maxEarlyDataSize(1024)
            .ticketKey(new byte[32]).build();

    private TlsConfigBuilder client() {
        return EngineFixtures.client(EC).ticketStore(store).cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256)
                .groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1).keyShareGroups(KeyExchangeGroup.X25519);
    }

    /** A full handshake that leaves a ticket allowing early data in the store. */
    private void firstConnection(TlsConfig clientConfig, TlsConfig serverConfig) {
        EngineFixtures.Pair first = new EngineFixtures.Pair(clientConfig, serverConfig).handshake();
        assertThat(first.client.state()).isEqualTo(ClientState.CONNECTED);
        assertThat(first.client.earlyDataStatus()).isEqualTo(EarlyDataStatus.NOT_OFFERED);
        first.assertTracesArePathsOfTheModel();
    }

    /** Resumes with early data and finishes the handshake; both ends must be connected. */
    private EngineFixtures.Pair resumeWithEarlyData(TlsConfig clientConfig, TlsConfig serverConfig, byte[] early) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(clientConfig, serverConfig);
        pair.client.offerEarlyData(early);
        pair.handshake();
        return pair;
    }

    private static void assertConnected(EngineFixtures.Pair pair) {
        assertThat(pair.client.failure()).isEmpty();
        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.client.state()).isEqualTo(ClientState.CONNECTED);
        assertThat(pair.server.state()).isEqualTo(ServerState.CONNECTED);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void acceptedEarlyDataReachesTheServerBeforeTheHandshakeCompletesAndBeforeOneRttData() {
        firstConnection(client().build(), server);
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client().build(), server);
        pair.client.offerEarlyData(EARLY);
        pair.client.beginHandshake();
        assertThat(pair.client.earlyDataStatus()).isEqualTo(EarlyDataStatus.PENDING);
        pair.server.feed(pair.client.drainOutbound());
        assertThat(pair.server.state()).isEqualTo(ServerState.WAIT_EOED);
        assertThat(pair.server.readEarlyData()).isEqualTo(EARLY);
        assertThat(pair.server.readApplicationData()).isEmpty();
        pair.client.feed(pair.server.drainOutbound());
        assertThat(pair.client.earlyDataStatus()).isEqualTo(EarlyDataStatus.ACCEPTED);
        pair.client.writeApplicationData(LATE);
        pair.pump();
        assertConnected(pair);
        assertThat(pair.server.readApplicationData()).isEqualTo(LATE);
        assertThat(pair.server.readEarlyData()).isEmpty();
        assertThat(pair.client.facts().earlyDataAccepted()).isTrue();
        assertThat(pair.server.facts().earlyDataAccepted()).isTrue();
        assertThat(pair.serverTrace).anyMatch(t -> t.input() == Input.END_OF_EARLY_DATA && t.to() == ServerState.WAIT_FLIGHT2);
        assertThat(pair.client.negotiated().orElseThrow().resumed()).isTrue();
    }

    @Test
    void earlyDataAcceptedWithMiddleboxCompatibilityOffAndOnAlike() {
        firstConnection(client().middleboxCompatibility(false).build(), server);
        EngineFixtures.Pair pair = resumeWithEarlyData(client().middleboxCompatibility(false).build(), server, EARLY);
        assertConnected(pair);
        assertThat(pair.client.earlyDataStatus()).isEqualTo(EarlyDataStatus.ACCEPTED);
        assertThat(pair.server.readEarlyData()).isEqualTo(EARLY);
    }

    @Test
    void serverWithoutZeroRttRejectsTheEarlyDataAndTheClientMaySendItAgain() {
        firstConnection(client().build(), server);
        TlsConfig noEarlyData = server.toBuilder().maxEarlyDataSize(0).build();
        EngineFixtures.Pair pair = resumeWithEarlyData(client().build(), noEarlyData, EARLY);
        assertConnected(pair);
        assertThat(pair.client.earlyDataStatus()).isEqualTo(EarlyDataStatus.REJECTED);
        assertThat(pair.client.negotiated().orElseThrow().resumed()).isTrue();
        assertThat(pair.server.readEarlyData()).isEmpty();
        pair.client.writeApplicationData(EARLY);
        pair.pump();
        assertThat(pair.server.readApplicationData()).isEqualTo(EARLY);
        assertThat(pair.serverTrace).noneMatch(t -> t.input() == Input.END_OF_EARLY_DATA);
    }

    @Test
    void helloRetryRequestRejectsTheEarlyData() {
        firstConnection(client().build(), server);
        TlsConfig p256Only = server.toBuilder().groups(KeyExchangeGroup.SECP256R1).build();
        EngineFixtures.Pair pair = resumeWithEarlyData(client().build(), p256Only, EARLY);
        assertConnected(pair);
        assertThat(pair.client.facts().helloRetryRequested()).isTrue();
        assertThat(pair.client.earlyDataStatus()).isEqualTo(EarlyDataStatus.REJECTED);
        assertThat(pair.server.readEarlyData()).isEmpty();
        assertThat(pair.server.readApplicationData()).isEmpty();
    }

    @Test
    void secondUseOfTheSameTicketIsRefusedEarlyDataButStillResumes() {
        firstConnection(client().build(), server);
        StoredTicket ticket = ApiInternals.tickets(store).take(EngineFixtures.HOST).orElseThrow();
        ApiInternals.tickets(store).put(ticket);
        EngineFixtures.Pair first = resumeWithEarlyData(client().build(), server, EARLY);
        assertConnected(first);
        assertThat(first.client.earlyDataStatus()).isEqualTo(EarlyDataStatus.ACCEPTED);

        ApiInternals.tickets(store).put(ticket);
        EngineFixtures.Pair replay = resumeWithEarlyData(client().build(), server, EARLY);
        assertConnected(replay);
        assertThat(replay.client.earlyDataStatus()).isEqualTo(EarlyDataStatus.REJECTED);
        assertThat(replay.client.negotiated().orElseThrow().resumed()).isTrue();
        assertThat(replay.server.readEarlyData()).isEmpty();
        assertThat(server.earlyDataAntiReplay().orElseThrow().size()).isEqualTo(1);
    }

    @Test
    void replayedFirstFlightGetsNoEarlyDataDelivered() {
        firstConnection(client().build(), server);
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client().build(), server);
        pair.client.offerEarlyData(EARLY);
        pair.client.beginHandshake();
        byte[] flight = pair.client.drainOutbound();
        pair.server.feed(flight);
        assertThat(pair.server.readEarlyData()).isEqualTo(EARLY);

        TlsEngine attacked = TlsEngine.server(server);
        attacked.feed(flight);
        assertThat(attacked.failure()).isEmpty();
        assertThat(attacked.state()).isEqualTo(ServerState.WAIT_FLIGHT2);
        assertThat(attacked.readEarlyData()).isEmpty();
        assertThat(attacked.facts().earlyDataAccepted()).isFalse();
    }

    @Test
    void moreEarlyDataThanTheServerAllowsFailsWithOneUnexpectedMessageAlert() {
        firstConnection(client().build(), server);
        TlsConfig small = server.toBuilder().maxEarlyDataSize(16).build();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client().build(), small);
        pair.client.offerEarlyData(new byte[100]);
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.TOO_MUCH_EARLY_DATA);
        assertThat(pair.server.readEarlyData()).isEmpty();
        pair.client.feed(pair.server.drainOutbound());
        assertThat(pair.client.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.UNEXPECTED_MESSAGE);
        assertThat(pair.server.drainOutbound()).isEmpty();
        EngineFixtures.assertPathOfModel(pair.server, pair.serverTrace);
    }

    @Test
    void clientSendsNoEarlyDataBeyondTheTicketsAllowance() {
        firstConnection(client().build(), server);
        EngineFixtures.Pair pair = resumeWithEarlyData(client().build(), server, new byte[1025]);
        assertConnected(pair);
        assertThat(pair.client.earlyDataStatus()).isEqualTo(EarlyDataStatus.NOT_OFFERED);
        assertThat(pair.client.facts().earlyDataOffered()).isFalse();
    }

    @Test
    void anotherAlpnProtocolThanTheTicketsRejectsTheEarlyData() {
        TlsConfig h2 = server.toBuilder().applicationProtocols("h2").build();
        firstConnection(client().applicationProtocols("h2", "http/1.1").build(), h2);
        TlsConfig http11 = server.toBuilder().applicationProtocols("http/1.1", "h2").build();
        EngineFixtures.Pair pair = resumeWithEarlyData(client().applicationProtocols("h2", "http/1.1").build(), http11, EARLY);
        assertConnected(pair);
        assertThat(pair.client.negotiated().orElseThrow().applicationProtocol()).contains("http/1.1");
        assertThat(pair.client.earlyDataStatus()).isEqualTo(EarlyDataStatus.REJECTED);
        assertThat(pair.server.readEarlyData()).isEmpty();
    }

    @Test
    void theSameAlpnProtocolAsTheTicketsAcceptsTheEarlyData() {
        TlsConfig h2 = server.toBuilder().applicationProtocols("h2").build();
        firstConnection(client().applicationProtocols("h2").build(), h2);
        EngineFixtures.Pair pair = resumeWithEarlyData(client().applicationProtocols("h2").build(), h2, EARLY);
        assertConnected(pair);
        assertThat(pair.client.earlyDataStatus()).isEqualTo(EarlyDataStatus.ACCEPTED);
        assertThat(pair.server.readEarlyData()).isEqualTo(EARLY);
    }

    @Test
    void serverThatCannotOpenTheTicketRejectsTheEarlyDataInAFullHandshake() {
        firstConnection(client().build(), server);
        TlsConfig otherKey = server.toBuilder().ticketKey(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})
                .build();
        EngineFixtures.Pair pair = resumeWithEarlyData(client().build(), otherKey, EARLY);
        assertConnected(pair);
        assertThat(pair.client.negotiated().orElseThrow().resumed()).isFalse();
        assertThat(pair.client.earlyDataStatus()).isEqualTo(EarlyDataStatus.REJECTED);
        assertThat(pair.server.readEarlyData()).isEmpty();
        assertThat(pair.server.readApplicationData()).isEmpty();
    }

    @Test
    void closeNotifyBeforeEncryptedExtensionsIsAnsweredUnderTheClientsHandshakeKey() {
        CapturingKeyLog clientLog = new CapturingKeyLog();
        CapturingKeyLog serverLog = new CapturingKeyLog();
        EngineFixtures.Pair pair = resumingClientAfterServerHello(clientLog, serverLog);
        assertThat(pair.client.state()).isEqualTo(ClientState.WAIT_EE);
        pair.client.feed(RecordKeys.seal(serverLog, KeyLogLabel.SERVER_HANDSHAKE_TRAFFIC_SECRET, 0,
                io.tlsmachine.impl.codec.types.ContentType.ALERT, new byte[] {1, 0}));
        assertThat(pair.client.isClosed()).as("failure %s", pair.client.failure()).isTrue();
        byte[] answer = RecordKeys.open(clientLog, KeyLogLabel.CLIENT_HANDSHAKE_TRAFFIC_SECRET, 0,
                pair.client.drainOutbound());
        assertThat(answer).containsExactly(1, 0);
        EngineFixtures.assertPathOfModel(pair.client, pair.clientTrace);
    }

    @Test
    void fatalAlertBeforeEncryptedExtensionsGoesUnderTheClientsHandshakeKey() {
        CapturingKeyLog clientLog = new CapturingKeyLog();
        CapturingKeyLog serverLog = new CapturingKeyLog();
        EngineFixtures.Pair pair = resumingClientAfterServerHello(clientLog, serverLog);
        byte[] finished = new byte[4 + 32];
        finished[0] = 20;
        finished[3] = 32;
        pair.client.feed(RecordKeys.seal(serverLog, KeyLogLabel.SERVER_HANDSHAKE_TRAFFIC_SECRET, 0,
                io.tlsmachine.impl.codec.types.ContentType.HANDSHAKE, finished));
        assertThat(pair.client.failure().orElseThrow().reason()).isEqualTo(Reason.UNEXPECTED_MESSAGE);
        byte[] alert = RecordKeys.open(clientLog, KeyLogLabel.CLIENT_HANDSHAKE_TRAFFIC_SECRET, 0, pair.client.drainOutbound());
        assertThat(alert).containsExactly(2, AlertDescription.UNEXPECTED_MESSAGE.code());
        EngineFixtures.assertPathOfModel(pair.client, pair.clientTrace);
    }

    @Test
    void clientLogsItsEarlyTrafficSecretWhenItSendsEarlyData() {
        firstConnection(client().build(), server);
        CapturingKeyLog clientLog = new CapturingKeyLog();
        CapturingKeyLog serverLog = new CapturingKeyLog();
        EngineFixtures.Pair pair = resumeWithEarlyData(client().keyLog(clientLog).build(),
                server.toBuilder().keyLog(serverLog).build(), EARLY);
        assertConnected(pair);
        byte[] clientSecret = clientLog.secret(KeyLogLabel.CLIENT_EARLY_TRAFFIC_SECRET);
        assertThat(clientSecret).hasSize(32);
        assertThat(serverLog.secret(KeyLogLabel.CLIENT_EARLY_TRAFFIC_SECRET)).isEqualTo(clientSecret);
        assertThat(clientLog.lines()).anyMatch(line -> line.startsWith("CLIENT_EARLY_TRAFFIC_SECRET "));
    }

    /**
     * Resumes with early data, both sides logging their secrets, and feeds the client only the server's first record
     * (its ServerHello): the client waits for EncryptedExtensions with its early data outstanding.
     */
    private EngineFixtures.Pair resumingClientAfterServerHello(CapturingKeyLog clientLog, CapturingKeyLog serverLog) {
        firstConnection(client().build(), server);
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client().keyLog(clientLog).build(),
                server.toBuilder().keyLog(serverLog).build());
        pair.client.offerEarlyData(EARLY);
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        byte[] serverFlight = pair.server.drainOutbound();
        int serverHelloLength = 5 + ((serverFlight[3] & 0xFF) << 8 | (serverFlight[4] & 0xFF));
        pair.client.feed(java.util.Arrays.copyOf(serverFlight, serverHelloLength));
        return pair;
    }
}
