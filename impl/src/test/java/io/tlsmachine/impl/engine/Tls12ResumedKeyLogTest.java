package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.ServerSessionCache;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Tls12Handshake;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks that both roles write the NSS key log line {@code CLIENT_RANDOM <client random> <master secret>} after an
 * abbreviated TLS 1.2 handshake (RFC 5246 §7.3 Figure 2; RFC 5077 §3.1) as after a full one: keyed by the resumed
 * connection's own client random, carrying the session's master secret.
 */
class Tls12ResumedKeyLogTest {

    private final TicketStore store = new TicketStore();

    /** One connection's key log lines in each role and its ClientHello random, in hex. */
    private record Logged(List<String> client, List<String> server, String clientRandom, Tls12Handshake kind) {
    }

    private Logged connect(TlsConfig server) {
        CapturingKeyLog clientLog = new CapturingKeyLog();
        CapturingKeyLog serverLog = new CapturingKeyLog();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12)
                .ticketStore(store).keyLog(clientLog).build(), server.toBuilder().keyLog(serverLog).build()).handshake();
        assertThat(pair.client.isHandshakeComplete()).isTrue();
        assertThat(pair.server.isHandshakeComplete()).isTrue();
        pair.assertTracesArePathsOfTheModel();
        String random = HexFormat.of().formatHex(Arrays.copyOfRange(pair.clientToServer.get(0), 11, 43));
        return new Logged(clientLog.lines(), serverLog.lines(), random, pair.server.facts().tls12Handshake());
    }

    private static void assertResumedLogsTheSessionUnderItsOwnRandom(Logged full, Logged resumed) {
        assertThat(resumed.client()).hasSize(1);
        assertThat(resumed.server()).containsExactlyElementsOf(resumed.client());
        String[] line = resumed.client().get(0).split(" ");
        assertThat(line[0]).isEqualTo("CLIENT_RANDOM");
        assertThat(line[1]).isEqualToIgnoringCase(resumed.clientRandom()).isNotEqualToIgnoringCase(full.clientRandom());
        assertThat(line[2]).as("the session's master secret").isEqualTo(full.client().get(0).split(" ")[2]);
    }

    @Test
    void sessionResumedByTicketIsLoggedByClientAndServer() {
        TlsConfig server = EngineFixtures.server(EC).ticketsEnabled(true).build();
        Logged full = connect(server);
        Logged resumed = connect(server);
        assertThat(full.kind()).isEqualTo(Tls12Handshake.FULL);
        assertThat(resumed.kind()).isEqualTo(Tls12Handshake.RESUMED_BY_TICKET);
        assertResumedLogsTheSessionUnderItsOwnRandom(full, resumed);
    }

    @Test
    void sessionResumedBySessionIdIsLoggedByClientAndServer() {
        TlsConfig server = EngineFixtures.server(EC).sessionCache(new ServerSessionCache(4)).build();
        Logged full = connect(server);
        Logged resumed = connect(server);
        assertThat(resumed.kind()).isEqualTo(Tls12Handshake.RESUMED_BY_SESSION_ID);
        assertResumedLogsTheSessionUnderItsOwnRandom(full, resumed);
    }
}
