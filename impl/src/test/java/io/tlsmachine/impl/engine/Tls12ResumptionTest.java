package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.ServerSessionCache;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Tls12Handshake;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import io.tlsmachine.testkit.TestPki;
import org.junit.jupiter.api.Test;

/** Resumes TLS 1.2 sessions with RFC 5077 tickets: the abbreviated handshake of RFC 5246 §7.3 Figure 2. */
class Tls12ResumptionTest {

    private final TicketStore store = new TicketStore();

    private EngineFixtures.Pair connect(TestPki.Hierarchy pki, TlsConfig server) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(
                EngineFixtures.client(pki).versions(ProtocolVersion.TLS12).ticketStore(store).build(), server).handshake();
        assertThat(pair.client.failure()).isEmpty();
        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.client.state()).isEqualTo(ClientState.TLS12_CONNECTED);
        assertThat(pair.server.state()).isEqualTo(ServerState.TLS12_CONNECTED);
        pair.client.writeApplicationData(new byte[] {4});
        pair.server.writeApplicationData(new byte[] {2});
        pair.pump();
        assertThat(pair.server.readApplicationData()).containsExactly(4);
        assertThat(pair.client.readApplicationData()).containsExactly(2);
        pair.assertTracesArePathsOfTheModel();
        return pair;
    }

    @Test
    void fullHandshakeIssuesATicketAndTheNextConnectionResumesWithIt() {
        for (TestPki.Hierarchy pki : java.util.List.of(EC, RSA)) {
            TlsConfig server = EngineFixtures.server(pki).ticketsEnabled(true).build();
            EngineFixtures.Pair first = connect(pki, server);
            assertThat(first.client.negotiated().orElseThrow().resumed()).isFalse();
            assertThat(first.clientTrace).anyMatch(t -> t.input() == Input.NEW_SESSION_TICKET && t.to() == ClientState.TLS12_WAIT_CCS);
            assertThat(store.has(EngineFixtures.HOST)).isTrue();

            EngineFixtures.Pair second = connect(pki, server);
            assertThat(second.client.negotiated().orElseThrow().resumed()).isTrue();
            assertThat(second.server.facts().tls12Handshake()).isEqualTo(Tls12Handshake.RESUMED_BY_TICKET);
            assertThat(second.clientTrace).noneMatch(t -> t.input() == Input.CERTIFICATE);
            assertThat(second.serverTrace).noneMatch(t -> t.input() == Input.CLIENT_KEY_EXCHANGE);

            EngineFixtures.Pair third = connect(pki, server);
            assertThat(third.client.negotiated().orElseThrow().resumed()).as("the renewed ticket resumes too").isTrue();
        }
    }

    @Test
    void serverWithASessionCacheResumesBySessionId() {
        ServerSessionCache cache = new ServerSessionCache(16);
        TlsConfig server = EngineFixtures.server(EC).sessionCache(cache).build();
        EngineFixtures.Pair first = connect(EC, server);
        assertThat(first.client.negotiated().orElseThrow().resumed()).isFalse();
        assertThat(cache.size()).isEqualTo(1);
        EngineFixtures.Pair second = connect(EC, server);
        assertThat(second.client.negotiated().orElseThrow().resumed()).isTrue();
        assertThat(second.client.facts().tls12Handshake()).isEqualTo(Tls12Handshake.RESUMED_BY_SESSION_ID);
        assertThat(second.server.facts().tls12Handshake()).isEqualTo(Tls12Handshake.RESUMED_BY_SESSION_ID);
        assertThat(second.clientTrace).noneMatch(t -> t.input() == Input.CERTIFICATE);
    }

    @Test
    void ticketOfAnotherServerKeyGivesAFullHandshake() {
        connect(EC, EngineFixtures.server(EC).ticketsEnabled(true).build());
        EngineFixtures.Pair other = connect(EC, EngineFixtures.server(EC).ticketsEnabled(true).build());
        assertThat(other.client.negotiated().orElseThrow().resumed()).isFalse();
        assertThat(other.clientTrace).anyMatch(t -> t.input() == Input.CERTIFICATE);
    }

    @Test
    void serverWithoutTicketsNeverAnnouncesOne() {
        EngineFixtures.Pair pair = connect(EC, EngineFixtures.server(EC).build());
        assertThat(pair.client.facts().ticketExpected()).isFalse();
        assertThat(store.has(EngineFixtures.HOST)).isFalse();
    }
}
