package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.SessionConfig;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import org.junit.jupiter.api.Test;

/**
 * Runs TLS 1.3 servers that issue zero, one or several NewSessionTickets per handshake (RFC 8446 §4.6.1) through the
 * engine: the count comes from the configuration into the model's ticketsEnabled fact and, for each further ticket,
 * one SEND_NEW_SESSION_TICKET transition; every trace is a path of the model.
 */
class Tls13TicketsPerHandshakeTest {

    private final TicketStore store = new TicketStore();
    private final TlsConfig oneTicket = EngineFixtures.server(EC).ticketsEnabled(true).build();

    private EngineFixtures.Pair connect(TlsConfig server) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).ticketStore(store).build(), server)
                .handshake();
        assertThat(pair.client.failure()).isEmpty();
        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.client.state()).isEqualTo(ClientState.CONNECTED);
        assertThat(pair.server.state()).isEqualTo(ServerState.CONNECTED);
        pair.assertTracesArePathsOfTheModel();
        return pair;
    }

    private static long ticketsReceived(EngineFixtures.Pair pair) {
        return pair.clientTrace.stream().filter(t -> t.input() == Input.NEW_SESSION_TICKET).count();
    }

    @Test
    void serverIssuingNoTicketsStillResumesFromATicketOfItsKeyAndIssuesNoNewOne() {
        connect(oneTicket);
        assertThat(store.has(EngineFixtures.HOST)).isTrue();
        TlsConfig noTickets = oneTicket.toBuilder().ticketsPerHandshake(0).build();

        EngineFixtures.Pair resumed = connect(noTickets);
        assertThat(resumed.server.negotiated().orElseThrow().resumed()).isTrue();
        assertThat(resumed.server.facts().ticketsEnabled()).isFalse();
        assertThat(ticketsReceived(resumed)).isZero();
        assertThat(store.has(EngineFixtures.HOST)).as("the used ticket is gone and none replaced it").isFalse();
    }

    @Test
    void serverIssuingNoTicketsAfterAFullHandshakeSendsNone() {
        EngineFixtures.Pair pair = connect(EngineFixtures.server(EC).ticketsEnabled(true).ticketsPerHandshake(0).build());
        assertThat(pair.server.negotiated().orElseThrow().resumed()).isFalse();
        assertThat(ticketsReceived(pair)).isZero();
        assertThat(store.has(EngineFixtures.HOST)).isFalse();
    }

    @Test
    void serverIssuingThreeTicketsSendsEachAsATransitionOfTheModel() {
        TlsConfig threeTickets = oneTicket.toBuilder().ticketsPerHandshake(3).build();
        EngineFixtures.Pair pair = connect(threeTickets);
        assertThat(ticketsReceived(pair)).isEqualTo(3);
        assertThat(pair.serverTrace.stream().filter(t -> t.input() == Input.SEND_NEW_SESSION_TICKET
                && t.epoch() == Epoch.LOCAL && t.from() == ServerState.CONNECTED)).hasSize(2);

        EngineFixtures.Pair resumed = connect(threeTickets);
        assertThat(resumed.client.negotiated().orElseThrow().resumed()).isTrue();
        assertThat(ticketsReceived(resumed)).isEqualTo(3);
    }

    @Test
    void defaultIsOneTicketPerHandshake() {
        assertThat(oneTicket.ticketsPerHandshake()).isEqualTo(1);
        assertThat(ticketsReceived(connect(oneTicket))).isEqualTo(1);
    }

    @Test
    void ticketCountOutsideItsRangeIsRefusedByTheBuilder() {
        assertThatThrownBy(() -> TlsConfig.builder().ticketsPerHandshake(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TlsConfig.builder().ticketsPerHandshake(SessionConfig.MAX_TICKETS_PER_HANDSHAKE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
