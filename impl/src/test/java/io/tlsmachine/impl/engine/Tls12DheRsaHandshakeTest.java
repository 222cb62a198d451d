package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.impl.codec.extension.EcPointFormats;
import io.tlsmachine.impl.codec.extension.SupportedGroups;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.ServerSessionCache;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.TlsDefaults;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Tls12Handshake;
import io.tlsmachine.model.Tls12KeyExchange;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs TLS 1.2 handshakes with the opt-in DHE_RSA (RFC 5288, RFC 7905, groups of RFC 7919) and RSA key transport
 * (RFC 5246 §7.4.7.1, RFC 5288) suites between two engines: every suite, client authentication, resumption by
 * session ID and by ticket, and the model's ServerKeyExchange edge taken only when the suite's key exchange says so.
 */
class Tls12DheRsaHandshakeTest {

    private static final List<CipherSuite> DHE = List.of(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256);
    private static final List<CipherSuite> KEY_TRANSPORT = List.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384);

    private static TlsConfigBuilder client(CipherSuite suite) {
        return EngineFixtures.client(RSA).versions(ProtocolVersion.TLS12).cipherSuites(suite);
    }

    private static EngineFixtures.Pair connected(TlsConfig client, TlsConfig server) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client, server).handshake();
        assertThat(pair.client.failure()).isEmpty();
        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.client.state()).isEqualTo(ClientState.TLS12_CONNECTED);
        assertThat(pair.server.state()).isEqualTo(ServerState.TLS12_CONNECTED);
        pair.client.writeApplicationData(new byte[] {7, 1});
        pair.server.writeApplicationData(new byte[] {3});
        pair.pump();
        assertThat(pair.server.readApplicationData()).containsExactly(7, 1);
        assertThat(pair.client.readApplicationData()).containsExactly(3);
        pair.assertTracesArePathsOfTheModel();
        return pair;
    }

    @Test
    void everyDheRsaSuiteCompletesInAnRfc7919GroupWithAServerKeyExchange() {
        for (CipherSuite suite : DHE) {
            EngineFixtures.Pair pair = connected(client(suite).build(), EngineFixtures.server(RSA).cipherSuites(suite).build());
            assertThat(pair.client.negotiated().orElseThrow().cipherSuite()).isEqualTo(suite);
            assertThat(pair.client.negotiated().orElseThrow().group()).contains(KeyExchangeGroup.FFDHE2048);
            assertThat(pair.server.negotiated().orElseThrow().group()).contains(KeyExchangeGroup.FFDHE2048);
            assertThat(pair.client.facts().tls12KeyExchange()).isEqualTo(Tls12KeyExchange.DHE);
            assertThat(pair.server.facts().tls12KeyExchange()).isEqualTo(Tls12KeyExchange.DHE);
            assertThat(pair.client.facts().extendedMasterSecret()).isTrue();
            assertThat(pair.clientTrace).anyMatch(t -> t.input() == Input.SERVER_KEY_EXCHANGE);
        }
    }

    @Test
    void everyRsaKeyTransportSuiteCompletesWithoutAServerKeyExchange() {
        for (CipherSuite suite : KEY_TRANSPORT) {
            EngineFixtures.Pair pair = connected(client(suite).build(), EngineFixtures.server(RSA).cipherSuites(suite).build());
            assertThat(pair.client.negotiated().orElseThrow().cipherSuite()).isEqualTo(suite);
            assertThat(pair.client.negotiated().orElseThrow().group()).isEmpty();
            assertThat(pair.server.facts().tls12KeyExchange()).isEqualTo(Tls12KeyExchange.RSA);
            assertThat(pair.client.facts().tls12KeyExchange()).isEqualTo(Tls12KeyExchange.RSA);
            assertThat(pair.client.facts().extendedMasterSecret()).isTrue();
            assertThat(pair.clientTrace).noneMatch(t -> t.input() == Input.SERVER_KEY_EXCHANGE);
            assertThat(pair.clientTrace).anyMatch(t -> t.from() == ClientState.TLS12_WAIT_CERT
                    && t.to() == ClientState.TLS12_WAIT_CR_OR_SHD);
        }
    }

    /** RFC 8422 §5.2: ec_point_formats answers an ECC suite only; under DHE and RSA the ServerHello leaves it out. */
    @Test
    void serverHelloCarriesNoEcPointFormatsWithoutAnEccSuite() {
        for (CipherSuite suite : List.of(DHE.get(0), KEY_TRANSPORT.get(0))) {
            EngineFixtures.Pair pair = connected(client(suite).build(), EngineFixtures.server(RSA).cipherSuites(suite).build());
            byte[] first = pair.serverToClient.get(0);
            ServerHello hello = (ServerHello) HandshakeCodec.decode(Arrays.copyOfRange(first, 5,
                    5 + (((first[3] & 0xFF) << 8) | (first[4] & 0xFF))), DecodeContext.beforeNegotiation(Role.SERVER));
            assertThat(hello.extension(EcPointFormats.class)).isEmpty();
        }
    }

    @Test
    void serverPicksTheFfdheGroupTheClientListsAndPrefersItsOwnOrder() {
        EngineFixtures.Pair pair = connected(client(DHE.get(0)).groups(KeyExchangeGroup.X25519, KeyExchangeGroup.FFDHE3072).build(),
                EngineFixtures.server(RSA).cipherSuites(DHE.get(0)).build());
        assertThat(pair.server.negotiated().orElseThrow().group()).contains(KeyExchangeGroup.FFDHE3072);
        assertThat(pair.client.negotiated().orElseThrow().group()).contains(KeyExchangeGroup.FFDHE3072);
    }

    /** RFC 7919 §4: a client that lists no finite-field group is not RFC 7919-aware; the server uses a group of its own. */
    @Test
    void clientWithoutFfdheGroupsStillGetsDheInTheServersFirstGroup() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client(DHE.get(0)).build(),
                EngineFixtures.server(RSA).cipherSuites(DHE.get(0)).build());
        pair.client.beginHandshake();
        pair.server.feed(EngineFixtures.rewriteClientHello(pair.client.drainOutbound(), hello -> EngineFixtures.withoutExtensions(
                hello, e -> e instanceof SupportedGroups, null)));
        pair.pump();
        assertThat(pair.server.negotiated().orElseThrow().group()).contains(KeyExchangeGroup.FFDHE2048);
        assertThat(pair.serverTrace).anyMatch(t -> t.input() == Input.SELECT_PARAMETERS);
        assertThat(pair.clientTrace).anyMatch(t -> t.input() == Input.SERVER_KEY_EXCHANGE);
        // The rewritten ClientHello is outside the client's transcript: extended master secret catches it at Finished.
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(io.tlsmachine.Reason.BAD_RECORD_MAC);
        pair.assertTracesArePathsOfTheModel();
    }

    /** RFC 7919 §4: with no acceptable finite-field group the server passes over DHE to the next suite it can serve. */
    @Test
    void serverWithoutACommonFfdheGroupFallsBackToAnotherSuite() {
        EngineFixtures.Pair pair = connected(client(DHE.get(0)).cipherSuites(DHE.get(0), CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)
                        .groups(KeyExchangeGroup.X25519, KeyExchangeGroup.FFDHE3072).build(),
                EngineFixtures.server(RSA).cipherSuites(DHE.get(0), CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)
                        .groups(KeyExchangeGroup.X25519, KeyExchangeGroup.FFDHE2048).build());
        assertThat(pair.server.negotiated().orElseThrow().cipherSuite()).isEqualTo(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
        assertThat(pair.server.negotiated().orElseThrow().group()).contains(KeyExchangeGroup.X25519);
    }

    @Test
    void dheAndRsaSuitesAreOptIn() {
        TlsConfig defaults = TlsConfig.builder().build();
        assertThat(defaults.cipherSuites()).doesNotContainAnyElementsOf(TlsDefaults.TLS12_OPT_IN_SUITES);
        assertThat(offeredGroups(TlsConfig.builder().serverName(EngineFixtures.HOST).build()))
                .as("no finite-field group without a DHE suite").noneMatch(g -> g.code() >= 0x100 && g.code() <= 0x1FF);
        assertThat(offeredGroups(client(DHE.get(0)).build()))
                .as("RFC 7919 §3: the finite-field groups follow the configured ones")
                .endsWith(new NamedGroup(KeyExchangeGroup.FFDHE2048.code()), new NamedGroup(KeyExchangeGroup.FFDHE3072.code()));
        assertThat(offeredGroups(client(KEY_TRANSPORT.get(0)).build())).noneMatch(g -> g.code() >= 0x100 && g.code() <= 0x1FF);
        // A server with the default suites does not pick a DHE or RSA suite the client offers.
        EngineFixtures.Pair pair = connected(client(DHE.get(0)).cipherSuites(DHE.get(0), KEY_TRANSPORT.get(0),
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256).build(), EngineFixtures.server(RSA).build());
        assertThat(pair.server.negotiated().orElseThrow().cipherSuite()).isEqualTo(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    }

    private static List<NamedGroup> offeredGroups(TlsConfig config) {
        TlsEngine client = TlsEngine.client(config);
        client.beginHandshake();
        byte[] record = client.drainOutbound();
        ClientHello hello = (ClientHello) HandshakeCodec.decode(Arrays.copyOfRange(record, 5, record.length),
                DecodeContext.beforeNegotiation(Role.CLIENT));
        return hello.extension(SupportedGroups.class).map(SupportedGroups::groups).orElse(List.of());
    }

    @Test
    void clientAuthenticatesUnderDheAndRsaKeyTransport() {
        for (CipherSuite suite : List.of(DHE.get(0), KEY_TRANSPORT.get(0))) {
            EngineFixtures.Pair pair = connected(client(suite).certifiedKey(EC.certifiedLeaf()).build(),
                    EngineFixtures.server(RSA).cipherSuites(suite).clientAuth(ClientAuthPolicy.REQUIRE)
                            .certificateVerifier(CertificateVerifier.pkix(EC.anchors())).build());
            assertThat(pair.serverTrace).anyMatch(t -> t.input() == Input.CERTIFICATE_VERIFY);
            assertThat(pair.clientTrace).anyMatch(t -> t.input() == Input.CERTIFICATE_REQUEST);
        }
    }

    @Test
    void dheAndRsaSessionsResumeByTicket() {
        for (CipherSuite suite : List.of(DHE.get(1), KEY_TRANSPORT.get(1))) {
            TicketStore store = new TicketStore();
            TlsConfig server = EngineFixtures.server(RSA).cipherSuites(suite).ticketsEnabled(true).build();
            EngineFixtures.Pair first = connected(client(suite).ticketStore(store).build(), server);
            assertThat(first.client.negotiated().orElseThrow().resumed()).isFalse();
            EngineFixtures.Pair second = connected(client(suite).ticketStore(store).build(), server);
            assertThat(second.client.negotiated().orElseThrow().resumed()).isTrue();
            assertThat(second.server.facts().tls12Handshake()).isEqualTo(Tls12Handshake.RESUMED_BY_TICKET);
            assertThat(second.client.negotiated().orElseThrow().cipherSuite()).isEqualTo(suite);
            assertThat(second.clientTrace).noneMatch(t -> t.input() == Input.CERTIFICATE || t.input() == Input.SERVER_KEY_EXCHANGE);
        }
    }

    @Test
    void dheAndRsaSessionsResumeBySessionId() {
        for (CipherSuite suite : List.of(DHE.get(2), KEY_TRANSPORT.get(0))) {
            TicketStore store = new TicketStore();
            TlsConfig server = EngineFixtures.server(RSA).cipherSuites(suite).sessionCache(new ServerSessionCache(4)).build();
            connected(client(suite).ticketStore(store).build(), server);
            EngineFixtures.Pair second = connected(client(suite).ticketStore(store).build(), server);
            assertThat(second.client.facts().tls12Handshake()).isEqualTo(Tls12Handshake.RESUMED_BY_SESSION_ID);
            assertThat(second.serverTrace).noneMatch(t -> t.input() == Input.CLIENT_KEY_EXCHANGE);
            assertThat(second.server.negotiated().map(p -> p.cipherSuite())).isEqualTo(Optional.of(suite));
        }
    }
}
