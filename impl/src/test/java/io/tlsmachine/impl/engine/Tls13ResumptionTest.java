package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.PreSharedKeyOffer;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.PskKeyExchangeMode;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Tls13KeyExchange;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resumes TLS 1.3 sessions from NewSessionTicket PSKs with psk_dhe_ke (RFC 8446 §2.2, §4.2.11, §4.6.1). */
class Tls13ResumptionTest {

    private final TicketStore store = new TicketStore();
    private final TlsConfig server = EngineFixtures.server(EC).ticketsEnabled(true).build();

    private EngineFixtures.Pair connect(TlsConfig serverConfig, KeyExchangeGroup... serverGroups) {
        TlsConfigBuilder client = EngineFixtures.client(EC).ticketStore(store)
                .groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1).keyShareGroups(KeyExchangeGroup.X25519);
        TlsConfigBuilder serverBuilder = serverConfig.toBuilder();
        if (serverGroups.length > 0) {
            serverBuilder.groups(serverGroups);
        }
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client.build(), serverBuilder.build()).handshake();
        assertThat(pair.client.failure()).isEmpty();
        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.client.state()).isEqualTo(ClientState.CONNECTED);
        assertThat(pair.server.state()).isEqualTo(ServerState.CONNECTED);
        pair.client.writeApplicationData(new byte[] {1, 2});
        pair.pump();
        assertThat(pair.server.readApplicationData()).containsExactly(1, 2);
        pair.assertTracesArePathsOfTheModel();
        return pair;
    }

    @Test
    void secondConnectionResumesWithTheTicketOfTheFirst() {
        EngineFixtures.Pair first = connect(server);
        assertThat(first.client.negotiated().orElseThrow().resumed()).isFalse();
        assertThat(first.clientTrace).anyMatch(t -> t.input() == Input.NEW_SESSION_TICKET);
        assertThat(store.has(EngineFixtures.HOST)).isTrue();

        EngineFixtures.Pair second = connect(server);
        assertThat(second.client.negotiated().orElseThrow().resumed()).isTrue();
        assertThat(second.server.negotiated().orElseThrow().resumed()).isTrue();
        assertThat(second.client.facts().tls13KeyExchange()).isEqualTo(Tls13KeyExchange.PSK_DHE);
        assertThat(second.clientTrace).noneMatch(t -> t.input() == Input.CERTIFICATE);
        assertThat(second.clientTrace).anyMatch(t -> t.input() == Input.ENCRYPTED_EXTENSIONS && t.to() == ClientState.WAIT_FINISHED);
        assertThat(store.has(EngineFixtures.HOST)).as("the resumed session issued a fresh ticket").isTrue();

        EngineFixtures.Pair third = connect(server);
        assertThat(third.client.negotiated().orElseThrow().resumed()).isTrue();
    }

    @Test
    void clientWithATicketStoreButNoTicketSendsPskKeyExchangeModesWithoutPreSharedKey() {
        TlsConfig client = EngineFixtures.client(EC).ticketStore(store)
                .pskKeyExchangeModes(PskKeyExchangeMode.PSK_DHE_KE, PskKeyExchangeMode.PSK_KE).build();
        List<io.tlsmachine.impl.codec.message.ClientHello> sent = new ArrayList<>();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client, server);
        pair.client.beginHandshake();
        EngineFixtures.rewriteClientHello(pair.client.drainOutbound(), hello -> {
            sent.add(hello);
            return hello;
        });
        io.tlsmachine.impl.codec.message.ClientHello hello = sent.get(0);
        assertThat(hello.extension(io.tlsmachine.impl.codec.extension.PskKeyExchangeModes.class).orElseThrow().modes())
                .containsExactly(PskKeyExchangeMode.PSK_DHE_KE, PskKeyExchangeMode.PSK_KE);
        assertThat(hello.extension(PreSharedKeyOffer.class)).isEmpty();
    }

    @Test
    void clientWithoutATicketStoreSendsNoPskKeyExchangeModes() {
        List<io.tlsmachine.impl.codec.message.ClientHello> sent = new ArrayList<>();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(), server);
        pair.client.beginHandshake();
        EngineFixtures.rewriteClientHello(pair.client.drainOutbound(), hello -> {
            sent.add(hello);
            return hello;
        });
        assertThat(sent.get(0).extension(io.tlsmachine.impl.codec.extension.PskKeyExchangeModes.class)).isEmpty();
    }

    @Test
    void resumesAfterHelloRetryRequestWithTheBinderRecomputedOverTheNewTranscript() {
        connect(server);
        EngineFixtures.Pair retried = connect(server, KeyExchangeGroup.SECP256R1);
        assertThat(retried.client.facts().helloRetryRequested()).isTrue();
        assertThat(retried.client.negotiated().orElseThrow().resumed()).isTrue();
    }

    @Test
    void ticketFromAnotherServerKeyFallsBackToAFullHandshake() {
        connect(server);
        EngineFixtures.Pair other = connect(server.toBuilder().ticketKey(new byte[32]).build());
        assertThat(other.client.negotiated().orElseThrow().resumed()).isFalse();
        assertThat(other.clientTrace).anyMatch(t -> t.input() == Input.CERTIFICATE);
    }

    @Test
    void tamperedBinderFailsWithDecryptError() {
        connect(server);
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).ticketStore(store).build(), server);
        pair.client.beginHandshake();
        pair.server.feed(EngineFixtures.rewriteClientHello(pair.client.drainOutbound(), hello -> {
            List<io.tlsmachine.impl.codec.extension.Extension> extensions = new ArrayList<>(hello.extensions());
            PreSharedKeyOffer offer = (PreSharedKeyOffer) extensions.get(extensions.size() - 1);
            int length = offer.binders().get(0).length();
            extensions.set(extensions.size() - 1, new PreSharedKeyOffer(offer.identities(), List.of(Opaque.of(new byte[length]))));
            return new io.tlsmachine.impl.codec.message.ClientHello(hello.legacyVersion(), hello.random(),
                    hello.legacySessionId(), hello.cipherSuites(), hello.legacyCompressionMethods(), extensions);
        }));
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.BAD_BINDER);
        pair.client.feed(pair.server.drainOutbound());
        assertThat(pair.client.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.DECRYPT_ERROR);
    }

    @Test
    void pskKeModeResumesWithoutKeyExchangeWhenBothSidesAllowIt() {
        TlsConfig pskKeServer = server.toBuilder().pskKeyExchangeModes(PskKeyExchangeMode.PSK_DHE_KE, PskKeyExchangeMode.PSK_KE)
                .build();
        connect(pskKeServer);
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).ticketStore(store)
                .pskKeyExchangeModes(PskKeyExchangeMode.PSK_KE).build(), pskKeServer).handshake();
        assertThat(pair.client.isHandshakeComplete()).as("%s", pair.client.failure()).isTrue();
        assertThat(pair.client.facts().tls13KeyExchange()).isEqualTo(Tls13KeyExchange.PSK_ONLY);
        assertThat(pair.server.facts().tls13KeyExchange()).isEqualTo(Tls13KeyExchange.PSK_ONLY);
        assertThat(pair.client.negotiated().orElseThrow().group()).isEmpty();
        pair.client.writeApplicationData(new byte[] {7});
        pair.pump();
        assertThat(pair.server.readApplicationData()).containsExactly(7);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void serverThatAllowsOnlyPskDheKeIgnoresAPskKeOnlyOffer() {
        connect(server);
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).ticketStore(store)
                .pskKeyExchangeModes(PskKeyExchangeMode.PSK_KE).build(), server).handshake();
        assertThat(pair.client.isHandshakeComplete()).isTrue();
        assertThat(pair.client.negotiated().orElseThrow().resumed()).isFalse();
    }

    @Test
    void serverWithoutTicketsSendsNoneAndTheClientStoresNothing() {
        connect(EngineFixtures.server(EC).build());
        assertThat(store.has(EngineFixtures.HOST)).isFalse();
    }
}
