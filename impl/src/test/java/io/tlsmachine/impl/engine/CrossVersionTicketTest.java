package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.HOST;
import static io.tlsmachine.impl.engine.HostileHellos.assertAnswered;
import static io.tlsmachine.impl.engine.HostileHellos.serverAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.PreSharedKeyOffer;
import io.tlsmachine.impl.codec.extension.PreSharedKeySelected;
import io.tlsmachine.impl.codec.extension.PskIdentity;
import io.tlsmachine.impl.codec.extension.PskKeyExchangeModes;
import io.tlsmachine.impl.codec.extension.SessionTicket;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.PskKeyExchangeMode;
import io.tlsmachine.impl.session.StoredTicket;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.ApiInternals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ticket our server issued in one version is not a session of the other. RFC 8446 §4.2.11: "the server MUST ensure
 * that it selects a compatible PSK (if any) and cipher suite"; a PSK it cannot use is ignored and the handshake is a
 * full one. RFC 5077 §3.4: a ticket the server cannot use for TLS 1.2 resumption means a full handshake.
 */
class CrossVersionTicketTest {

    private final TlsConfig server = EngineFixtures.server(EC).ticketsEnabled(true).build();

    @Test
    void aTls12TicketOfferedAsATls13PskIsIgnoredAndTheHandshakeIsFull() {
        StoredTicket tls12 = ticketFrom(ProtocolVersion.TLS12);
        assertThat(tls12.ticket().isEmpty()).as("a TLS 1.2 session ticket").isFalse();
        TlsEngine engine = serverAfter(EngineFixtures.client(EC).build(), server, hello -> {
            List<Extension> extensions = new ArrayList<>(hello.extensions());
            extensions.removeIf(e -> e instanceof PskKeyExchangeModes || e instanceof PreSharedKeyOffer);
            extensions.add(new PskKeyExchangeModes(List.of(PskKeyExchangeMode.PSK_DHE_KE)));
            extensions.add(new PreSharedKeyOffer(List.of(new PskIdentity(tls12.ticket(), 0)),
                    List.of(Opaque.of(new byte[32]))));
            return HostileHellos.withExtensions(hello, extensions);
        });
        ServerHello answer = assertAnswered(engine);
        assertThat(answer.extension(PreSharedKeySelected.class)).as("no PSK selected").isEmpty();
    }

    @Test
    void aTls13TicketOfferedForTls12ResumptionIsIgnoredAndTheHandshakeIsFull() {
        StoredTicket tls13 = ticketFrom(ProtocolVersion.TLS13);
        Opaque sessionId = Opaque.of(new byte[32]);
        TlsEngine engine = serverAfter(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(), server, hello -> {
            List<Extension> extensions = new ArrayList<>(hello.extensions());
            extensions.removeIf(e -> e instanceof SessionTicket);
            extensions.add(new SessionTicket(tls13.ticket()));
            return new ClientHello(hello.legacyVersion(), hello.random(), sessionId, hello.cipherSuites(),
                    hello.legacyCompressionMethods(), extensions);
        });
        ServerHello answer = assertAnswered(engine);
        assertThat(answer.legacySessionIdEcho()).as("a resumed session would echo the client's session id")
                .isNotEqualTo(sessionId);
        assertThat(engine.state().name()).as("waiting for the ClientKeyExchange of a full handshake")
                .isEqualTo("TLS12_WAIT_CKE");
    }

    private StoredTicket ticketFrom(ProtocolVersion version) {
        TicketStore store = new TicketStore();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(
                EngineFixtures.client(EC).versions(version).ticketStore(store).build(), server).handshake();
        assertThat(pair.client.isHandshakeComplete()).isTrue();
        return ApiInternals.tickets(store).take(HOST).orElseThrow();
    }
}
