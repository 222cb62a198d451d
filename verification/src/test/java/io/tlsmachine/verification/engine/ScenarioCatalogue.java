package io.tlsmachine.verification.engine;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.PskKeyExchangeMode;
import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.ServerSessionCache;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.model.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Generates one {@link HandshakeScenario} per combination of the configuration choices that shape a handshake the
 * engine can complete today: for TLS 1.3 the key exchange (certificate, psk_dhe_ke, psk_ke), HelloRetryRequest (none,
 * by group, by group with a cookie), client authentication (none, required with a certificate, requested and
 * answered with an empty Certificate), middlebox compatibility and ticket issuance; for TLS 1.3 0-RTT what becomes
 * of the early data (accepted, or rejected by configuration, ticket replay, HelloRetryRequest, an unreadable ticket);
 * for TLS 1.2 the handshake (full, resumed by session ID or by ticket), the key exchange (ECDHE, DHE-RSA, RSA key
 * transport), ticket issuance and client authentication. A few single scenarios add the remaining options (RSA
 * certificates, post_handshake_auth offered, EMS required).
 */
final class ScenarioCatalogue {

    /** A ticket key other than the first connection's, so the measured server cannot open the ticket. */
    private static final byte[] UNREADABLE_TICKET_KEY = java.util.Arrays.copyOf(new byte[] {0x5A}, 32);

    /** RFC 8446 §4.6.1: a server that accepts tickets (resumes) but issues no NewSessionTicket after this handshake. */
    private static final UnaryOperator<TlsConfigBuilder> NO_NEW_TICKET = b -> b.ticketsPerHandshake(0);

    private ScenarioCatalogue() {
    }

    /** How the server asks the client for a certificate, and how the client answers. */
    private enum ClientAuth {
        NONE("", b -> b, b -> b),
        CERTIFICATE(", client certificate", b -> b.certifiedKey(HandshakeScenario.RSA.certifiedLeaf()),
                b -> b.clientAuth(ClientAuthPolicy.REQUIRE).certificateVerifier(CertificateVerifier.pkix(
                        HandshakeScenario.RSA.anchors()))),
        EMPTY(", empty client certificate", b -> b, b -> b.clientAuth(ClientAuthPolicy.REQUEST));

        final String label;
        final UnaryOperator<TlsConfigBuilder> client;
        final UnaryOperator<TlsConfigBuilder> server;

        ClientAuth(String label, UnaryOperator<TlsConfigBuilder> client, UnaryOperator<TlsConfigBuilder> server) {
            this.label = label;
            this.client = client;
            this.server = server;
        }
    }

    /** Whether and why the server sends a HelloRetryRequest (RFC 8446 §4.1.4). */
    private enum Retry {
        NONE("", b -> b, b -> b),
        GROUP(", HelloRetryRequest", b -> b.groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1)
                .keyShareGroups(KeyExchangeGroup.X25519), b -> b.groups(KeyExchangeGroup.SECP256R1)),
        COOKIE(", HelloRetryRequest with cookie", GROUP.client, b -> GROUP.server.apply(b).helloRetryCookies(true));

        final String label;
        final UnaryOperator<TlsConfigBuilder> client;
        final UnaryOperator<TlsConfigBuilder> server;

        Retry(String label, UnaryOperator<TlsConfigBuilder> client, UnaryOperator<TlsConfigBuilder> server) {
            this.label = label;
            this.client = client;
            this.server = server;
        }
    }

    private static UnaryOperator<TlsConfigBuilder> then(UnaryOperator<TlsConfigBuilder> first,
            UnaryOperator<TlsConfigBuilder> second) {
        return b -> second.apply(first.apply(b));
    }

    /** Returns every generated scenario of both versions. */
    static List<HandshakeScenario> everyType() {
        List<HandshakeScenario> scenarios = new ArrayList<>(tls13());
        scenarios.addAll(tls13ZeroRtt());
        scenarios.addAll(tls12());
        return List.copyOf(scenarios);
    }

    /** TLS 1.3 (RFC 8446 §2 Figures 1-3, Appendix D.4). */
    static List<HandshakeScenario> tls13() {
        List<HandshakeScenario> scenarios = new ArrayList<>();
        for (Retry retry : Retry.values()) {
            for (boolean middlebox : new boolean[] {true, false}) {
                String mb = middlebox ? "" : ", no middlebox compatibility";
                UnaryOperator<TlsConfigBuilder> mbClient = b -> b.middleboxCompatibility(middlebox);
                for (ClientAuth auth : ClientAuth.values()) {
                    for (boolean tickets : new boolean[] {false, true}) {
                        String name = "TLS 1.3 full" + retry.label + auth.label + mb + (tickets ? ", ticket issued" : "");
                        scenarios.add(new HandshakeScenario(name,
                                ProtocolVersion.TLS13, false, then(then(retry.client, auth.client), mbClient),
                                then(then(retry.server, auth.server), b -> b.ticketsEnabled(tickets))));
                    }
                }
                // RFC 8446 §4.2.9: psk_dhe_ke needs a key share (a HelloRetryRequest may ask for one); psk_ke does not.
                scenarios.add(new HandshakeScenario("TLS 1.3 resumption psk_dhe_ke" + retry.label + mb, ProtocolVersion.TLS13,
                        true, then(retry.client, mbClient), then(retry.server, b -> b.ticketsEnabled(true))));
                if (retry == Retry.NONE) {
                    scenarios.add(new HandshakeScenario("TLS 1.3 resumption psk_ke" + mb, ProtocolVersion.TLS13, true,
                            then(mbClient, b -> b.pskKeyExchangeModes(PskKeyExchangeMode.PSK_KE)),
                            b -> b.ticketsEnabled(true).pskKeyExchangeModes(PskKeyExchangeMode.PSK_DHE_KE,
                                    PskKeyExchangeMode.PSK_KE)));
                    scenarios.add(new HandshakeScenario("TLS 1.3 resumption psk_ke" + mb + ", no new ticket",
                            ProtocolVersion.TLS13, true, then(mbClient, b -> b.pskKeyExchangeModes(PskKeyExchangeMode.PSK_KE)),
                            b -> b.ticketsEnabled(true).pskKeyExchangeModes(PskKeyExchangeMode.PSK_DHE_KE,
                                    PskKeyExchangeMode.PSK_KE), HandshakeScenario.ZeroRtt.NONE, NO_NEW_TICKET));
                }
                if (retry != Retry.COOKIE) {
                    scenarios.add(new HandshakeScenario("TLS 1.3 resumption psk_dhe_ke" + retry.label + mb + ", no new ticket",
                            ProtocolVersion.TLS13, true, then(retry.client, mbClient), then(retry.server,
                                    b -> b.ticketsEnabled(true)), HandshakeScenario.ZeroRtt.NONE, NO_NEW_TICKET));
                }
            }
        }
        scenarios.add(new HandshakeScenario("TLS 1.3 full, RSA-PSS server certificate", ProtocolVersion.TLS13, false,
                b -> b.certificateVerifier(CertificateVerifier.pkix(HandshakeScenario.RSA.anchors())),
                b -> b.certifiedKey(HandshakeScenario.RSA.certifiedLeaf())));
        scenarios.add(new HandshakeScenario("TLS 1.3 full, post_handshake_auth offered", ProtocolVersion.TLS13, false,
                b -> b.postHandshakeAuth(true).certifiedKey(HandshakeScenario.RSA.certifiedLeaf()), then(ClientAuth.CERTIFICATE.server,
                        b -> b.clientAuth(ClientAuthPolicy.NONE))));
        scenarios.add(new HandshakeScenario("TLS 1.3 full, client certificate, post_handshake_auth offered",
                ProtocolVersion.TLS13, false, b -> b.postHandshakeAuth(true).certifiedKey(HandshakeScenario.RSA.certifiedLeaf()),
                ClientAuth.CERTIFICATE.server));
        scenarios.add(new HandshakeScenario(
                "TLS 1.3 resumption psk_dhe_ke, server policy REQUIRE (no CertificateRequest with a PSK)",
                ProtocolVersion.TLS13, true, ClientAuth.CERTIFICATE.client,
                then(ClientAuth.CERTIFICATE.server, b -> b.ticketsEnabled(true))));
        return scenarios;
    }

    /**
     * TLS 1.3 0-RTT (RFC 8446 §2.3, §4.2.10): the client resumes with a ticket that allows early data and offers
     * some; the server accepts it, or rejects it (its configuration no longer allows early data, a HelloRetryRequest,
     * a ticket whose early data it has already seen, §8.1), or cannot open the ticket and makes a full handshake.
     */
    static List<HandshakeScenario> tls13ZeroRtt() {
        UnaryOperator<TlsConfigBuilder> zeroRttServer = b -> b.ticketsEnabled(true).maxEarlyDataSize(1024)
                .pskKeyExchangeModes(PskKeyExchangeMode.PSK_DHE_KE, PskKeyExchangeMode.PSK_KE);
        UnaryOperator<TlsConfigBuilder> pskKe = b -> b.pskKeyExchangeModes(PskKeyExchangeMode.PSK_KE);
        UnaryOperator<TlsConfigBuilder> same = b -> b;
        List<HandshakeScenario> scenarios = new ArrayList<>();
        for (boolean middlebox : new boolean[] {true, false}) {
            String mb = middlebox ? "" : ", no middlebox compatibility";
            UnaryOperator<TlsConfigBuilder> mbClient = b -> b.middleboxCompatibility(middlebox);
            for (boolean psk : new boolean[] {false, true}) {
                String mode = psk ? ", psk_ke" : ", psk_dhe_ke";
                UnaryOperator<TlsConfigBuilder> client = psk ? then(mbClient, pskKe) : mbClient;
                scenarios.add(new HandshakeScenario("TLS 1.3 0-RTT accepted" + mode + mb, ProtocolVersion.TLS13, true,
                        client, zeroRttServer, HandshakeScenario.ZeroRtt.OFFERED, same));
                scenarios.add(new HandshakeScenario("TLS 1.3 0-RTT rejected by server configuration" + mode + mb,
                        ProtocolVersion.TLS13, true, client, zeroRttServer, HandshakeScenario.ZeroRtt.OFFERED,
                        b -> b.maxEarlyDataSize(0)));
                scenarios.add(new HandshakeScenario("TLS 1.3 0-RTT rejected by ticket replay" + mode + mb,
                        ProtocolVersion.TLS13, true, client, zeroRttServer,
                        HandshakeScenario.ZeroRtt.OFFERED_WITH_REPLAYED_TICKET, same));
            }
            scenarios.add(new HandshakeScenario("TLS 1.3 0-RTT accepted, psk_dhe_ke" + mb + ", no new ticket",
                    ProtocolVersion.TLS13, true, mbClient, zeroRttServer, HandshakeScenario.ZeroRtt.OFFERED, NO_NEW_TICKET));
            scenarios.add(new HandshakeScenario("TLS 1.3 0-RTT rejected by server configuration, psk_dhe_ke" + mb
                    + ", no new ticket", ProtocolVersion.TLS13, true, mbClient, zeroRttServer, HandshakeScenario.ZeroRtt.OFFERED,
                    then(NO_NEW_TICKET, b -> b.maxEarlyDataSize(0))));
            scenarios.add(new HandshakeScenario("TLS 1.3 0-RTT rejected by HelloRetryRequest, psk_dhe_ke" + mb
                    + ", no new ticket", ProtocolVersion.TLS13, true, then(Retry.GROUP.client, mbClient), zeroRttServer,
                    HandshakeScenario.ZeroRtt.OFFERED, then(NO_NEW_TICKET, Retry.GROUP.server)));
            // RFC 8446 §4.3.2: no CertificateRequest in a PSK handshake, whatever the server's client-auth policy.
            scenarios.add(new HandshakeScenario("TLS 1.3 0-RTT accepted, psk_dhe_ke" + mb + ", server policy REQUIRE (no"
                    + " CertificateRequest with a PSK)", ProtocolVersion.TLS13, true, then(ClientAuth.CERTIFICATE.client,
                            mbClient), then(zeroRttServer, ClientAuth.CERTIFICATE.server), HandshakeScenario.ZeroRtt.OFFERED,
                    same));
            // RFC 8446 §4.2.10: a server that sends a HelloRetryRequest rejects the early data (psk_dhe_ke only).
            scenarios.add(new HandshakeScenario("TLS 1.3 0-RTT rejected by HelloRetryRequest, psk_dhe_ke" + mb,
                    ProtocolVersion.TLS13, true, then(Retry.GROUP.client, mbClient), zeroRttServer,
                    HandshakeScenario.ZeroRtt.OFFERED, Retry.GROUP.server));
            // RFC 8446 §4.2.11: a PSK the server cannot use falls back to a full handshake, early data skipped (§4.2.10).
            for (Retry retry : List.of(Retry.NONE, Retry.GROUP)) {
                for (ClientAuth auth : ClientAuth.values()) {
                    for (boolean tickets : new boolean[] {false, true}) {
                        scenarios.add(new HandshakeScenario("TLS 1.3 0-RTT rejected, unreadable ticket (full)" + retry.label
                                + auth.label + mb + (tickets ? ", ticket issued" : ""), ProtocolVersion.TLS13, true,
                                then(then(retry.client, auth.client), mbClient), then(zeroRttServer, auth.server),
                                HandshakeScenario.ZeroRtt.OFFERED, then(retry.server, b -> b.ticketKey(UNREADABLE_TICKET_KEY)
                                        .ticketsEnabled(tickets))));
                    }
                }
            }
        }
        return scenarios;
    }

    /** TLS 1.2 (RFC 5246 §7.3 Figures 1-2, RFC 5077 §3.1 Figures 1-2, RFC 7627). */
    static List<HandshakeScenario> tls12() {
        UnaryOperator<TlsConfigBuilder> tls12 = b -> b.versions(ProtocolVersion.TLS12);
        List<HandshakeScenario> scenarios = new ArrayList<>();
        for (ClientAuth auth : ClientAuth.values()) {
            for (boolean tickets : new boolean[] {false, true}) {
                String name = "TLS 1.2 full" + auth.label + (tickets ? ", ticket issued" : "");
                scenarios.add(new HandshakeScenario(name, ProtocolVersion.TLS12, false, then(tls12, auth.client),
                        then(auth.server, b -> b.ticketsEnabled(tickets))));
            }
        }
        scenarios.add(new HandshakeScenario("TLS 1.2 full, ECDHE-RSA", ProtocolVersion.TLS12, false,
                then(tls12, b -> b.certificateVerifier(CertificateVerifier.pkix(HandshakeScenario.RSA.anchors()))),
                b -> b.certifiedKey(HandshakeScenario.RSA.certifiedLeaf()).cipherSuites(
                        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)));
        // The opt-in suites (TlsDefaults.TLS12_OPT_IN_SUITES) need an RSA server certificate: RFC 5246 §7.4.3 DHE_RSA
        // (ServerKeyExchange signed), §7.4.7.1 RSA key transport (no ServerKeyExchange).
        for (CipherSuite suite : List.of(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)) {
            String kx = suite == CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256 ? "RSA key transport" : "DHE-RSA";
            for (ClientAuth auth : ClientAuth.values()) {
                for (boolean tickets : new boolean[] {false, true}) {
                    scenarios.add(new HandshakeScenario("TLS 1.2 full, " + kx + auth.label + (tickets ? ", ticket issued" : ""),
                            ProtocolVersion.TLS12, false, then(then(tls12, auth.client), b -> b.certificateVerifier(
                                    CertificateVerifier.pkix(HandshakeScenario.RSA.anchors())).cipherSuites(suite)),
                            then(auth.server, b -> b.certifiedKey(HandshakeScenario.RSA.certifiedLeaf()).cipherSuites(suite)
                                    .ticketsEnabled(tickets))));
                }
            }
        }
        scenarios.add(new HandshakeScenario("TLS 1.2 full, extended master secret required", ProtocolVersion.TLS12, false,
                tls12, b -> b.extendedMasterSecretRequired(true)));
        scenarios.add(new HandshakeScenario("TLS 1.2 resumption by ticket", ProtocolVersion.TLS12, true, tls12,
                b -> b.ticketsEnabled(true)));
        scenarios.add(new HandshakeScenario("TLS 1.2 resumption by session ID", ProtocolVersion.TLS12, true, tls12,
                b -> b.sessionCache(new ServerSessionCache(8))));
        scenarios.add(new HandshakeScenario(
                "TLS 1.2 resumption by session ID, server policy REQUIRE (no CertificateRequest when abbreviated)",
                ProtocolVersion.TLS12, true, then(tls12, ClientAuth.CERTIFICATE.client),
                then(ClientAuth.CERTIFICATE.server, b -> b.sessionCache(new ServerSessionCache(8)))));
        return scenarios;
    }
}
