package io.tlsmachine.bench.handshake;

import io.netty.handler.ssl.SslProvider;
import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.TestPki;

/**
 * Makes connection pairs of one stack, version, certificate type, key exchange group and (optionally) cipher
 * suite. Configurations, SSLContexts and Netty contexts are built once, so a pair costs what a new connection
 * costs. Every stack verifies the server's chain against the root with PKIX. X25519 pairs of the JSSE stacks need
 * {@code -Djdk.tls.namedGroups=x25519,secp256r1} (X25519 is the key share; secp256r1 must be listed too, or BCJSSE
 * will not serve a P-256 certificate); the other groups are set per stack ({@link JsseEngines},
 * {@link NettyContexts}).
 */
final class PairFactory {

    private final Stack stack;
    private final String protocol;
    private final String suite;
    private final TlsConfig ourClient;
    private final TlsConfig ourServer;
    private final EngineSource engines;

    /** An X25519 pair factory. */
    PairFactory(Stack stack, String version, TestPki.Hierarchy pki, String suite, boolean resumable) {
        this(stack, version, pki, suite, resumable, BenchGroup.X25519);
    }

    /**
     * @param version "1.3" or "1.2" (BoringSSL: 1.3 only)
     * @param suite the IANA name of the only suite to offer, or null for the stack's defaults
     * @param resumable whether a pair may resume the session of an earlier one (tickets, session cache)
     * @param group the only group the client offers a share for and the server accepts
     */
    PairFactory(Stack stack, String version, TestPki.Hierarchy pki, String suite, boolean resumable, BenchGroup group) {
        this.stack = stack;
        this.protocol = "TLSv" + version;
        this.suite = suite;
        if (stack == Stack.TLSMACHINE) {
            ProtocolVersion v = version.equals("1.3") ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
            TlsConfigBuilder client = TlsConfig.builder().versions(v).serverName(BenchPki.HOST)
                    .certificateVerifier(CertificateVerifier.pkix(pki.anchors()))
                    // secp256r1 listed as for the JSSE stacks: the certificate's curve must be offered (RFC 4492
                    // §5.1 / RFC 8422); the server supports only the group, so the key exchange stays the group.
                    .groups(group.ours, KeyExchangeGroup.SECP256R1).keyShareGroups(group.ours);
            TlsConfigBuilder server = TlsConfig.builder().versions(v).certifiedKey(pki.certifiedLeaf())
                    .groups(group.ours);
            if (suite != null) {
                CipherSuite chosen = ourSuite(suite);
                client.cipherSuites(chosen);
                server.cipherSuites(chosen);
            }
            if (resumable) {
                client.ticketStore(new TicketStore());
                server.ticketsEnabled(true);
            }
            ourClient = client.build();
            ourServer = server.build();
            engines = null;
        } else {
            if (stack == Stack.BORINGSSL && (resumable || !version.equals("1.3"))) {
                throw new IllegalArgumentException("BoringSSL pairs are TLS 1.3 full handshakes only");
            }
            ourClient = null;
            ourServer = null;
            engines = stack == Stack.BORINGSSL ? NettyContexts.of(stack, pki, group, SslProvider.OPENSSL_REFCNT)
                    : new JsseEngines(stack, pki, group, resumable);
        }
    }

    private static CipherSuite ourSuite(String name) {
        return switch (name) {
            case "TLS_AES_128_GCM_SHA256" -> CipherSuite.TLS_AES_128_GCM_SHA256;
            case "TLS_AES_256_GCM_SHA384" -> CipherSuite.TLS_AES_256_GCM_SHA384;
            case "TLS_CHACHA20_POLY1305_SHA256" -> CipherSuite.TLS_CHACHA20_POLY1305_SHA256;
            default -> throw new IllegalArgumentException("no benchmark mapping for suite " + name);
        };
    }

    /** Returns a fresh, not yet started pair. */
    ConnectionPair newPair() {
        return stack == Stack.TLSMACHINE ? new EnginePair(ourClient, ourServer)
                : new SslEnginePair(engines.newClient(), engines.newServer(), protocol, suite);
    }
}
