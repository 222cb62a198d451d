package io.tlsmachine.verification.engine;

import io.tlsmachine.impl.certificate.CertificateVerifier;
import io.tlsmachine.impl.codec.types.CipherSuite;
import io.tlsmachine.impl.codec.types.PskKeyExchangeMode;
import io.tlsmachine.impl.config.ClientAuthPolicy;
import io.tlsmachine.impl.config.ServerSessionCache;
import io.tlsmachine.impl.config.TlsConfig;
import io.tlsmachine.impl.crypto.KeyExchangeGroup;
import io.tlsmachine.model.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Generates one {@link HandshakeScenario} per combination of the configuration choices that shape a handshake the
 * engine can complete today: for TLS 1.3 the key exchange (certificate, psk_dhe_ke, psk_ke), HelloRetryRequest (none,
 * by group, by group with a cookie), client authentication (none, required with a certificate, requested and
 * answered with an empty Certificate), middlebox compatibility and ticket issuance; for TLS 1.2 the handshake (full,
 * resumed by session ID or by ticket), ticket issuance and client authentication. A few single scenarios add the
 * remaining options (RSA certificates, post_handshake_auth offered, EMS required).
 */
final class ScenarioCatalogue {

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
        final UnaryOperator<TlsConfig.Builder> client;
        final UnaryOperator<TlsConfig.Builder> server;

        ClientAuth(String label, UnaryOperator<TlsConfig.Builder> client, UnaryOperator<TlsConfig.Builder> server) {
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
        final UnaryOperator<TlsConfig.Builder> client;
        final UnaryOperator<TlsConfig.Builder> server;

        Retry(String label, UnaryOperator<TlsConfig.Builder> client, UnaryOperator<TlsConfig.Builder> server) {
            this.label = label;
            this.client = client;
            this.server = server;
        }
    }

    private static UnaryOperator<TlsConfig.Builder> then(UnaryOperator<TlsConfig.Builder> first,
            UnaryOperator<TlsConfig.Builder> second) {
        return b -> second.apply(first.apply(b));
    }

    /** Returns every generated scenario of both versions. */
    static List<HandshakeScenario> everyType() {
        List<HandshakeScenario> scenarios = new ArrayList<>(tls13());
        scenarios.addAll(tls12());
        return List.copyOf(scenarios);
    }

    /** TLS 1.3 (RFC 8446 §2 Figures 1-3, Appendix D.4). */
    static List<HandshakeScenario> tls13() {
        List<HandshakeScenario> scenarios = new ArrayList<>();
        for (Retry retry : Retry.values()) {
            for (boolean middlebox : new boolean[] {true, false}) {
                String mb = middlebox ? "" : ", no middlebox compatibility";
                UnaryOperator<TlsConfig.Builder> mbClient = b -> b.middleboxCompatibility(middlebox);
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

    /** TLS 1.2 (RFC 5246 §7.3 Figures 1-2, RFC 5077 §3.1 Figures 1-2, RFC 7627). */
    static List<HandshakeScenario> tls12() {
        UnaryOperator<TlsConfig.Builder> tls12 = b -> b.versions(ProtocolVersion.TLS12);
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
