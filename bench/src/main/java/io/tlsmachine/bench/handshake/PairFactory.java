package io.tlsmachine.bench.handshake;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.impl.certificate.KeyStores;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.TestPki;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import io.tlsmachine.jsse.TlsMachineProvider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * Makes connection pairs of one stack, version, certificate type and (optionally) cipher suite. Configurations
 * and SSLContexts are built once, so a pair costs what a new connection costs. Every stack verifies the server's
 * chain against the root with PKIX and uses X25519 (JSSE stacks: {@code -Djdk.tls.namedGroups=x25519,secp256r1}:
 * X25519 is the key share; secp256r1 must be listed too, or BCJSSE will not serve a P-256 certificate).
 */
final class PairFactory {

    private static final char[] PASSWORD = "bench".toCharArray();

    private final Stack stack;
    private final String protocol;
    private final String suite;
    private final boolean resumable;
    private final TlsConfig ourClient;
    private final TlsConfig ourServer;
    private final SSLContext clientContext;
    private final SSLContext serverContext;

    /**
     * @param version "1.3" or "1.2"
     * @param suite the IANA name of the only suite to offer, or null for the stack's defaults
     * @param resumable whether a pair may resume the session of an earlier one (tickets, session cache)
     */
    PairFactory(Stack stack, String version, TestPki.Hierarchy pki, String suite, boolean resumable) {
        this.stack = stack;
        this.protocol = "TLSv" + version;
        this.suite = suite;
        this.resumable = resumable;
        if (stack == Stack.TLSMACHINE) {
            ProtocolVersion v = version.equals("1.3") ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
            TlsConfigBuilder client = TlsConfig.builder().versions(v).serverName(BenchPki.HOST)
                    .certificateVerifier(CertificateVerifier.pkix(pki.anchors()))
                    // secp256r1 listed as for the JSSE stacks: the certificate's curve must be offered (RFC 4492
                    // §5.1 / RFC 8422); the server supports only x25519, so the key exchange stays x25519.
                    .groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1).keyShareGroups(KeyExchangeGroup.X25519);
            TlsConfigBuilder server = TlsConfig.builder().versions(v).certifiedKey(pki.certifiedLeaf())
                    .groups(KeyExchangeGroup.X25519);
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
            clientContext = null;
            serverContext = null;
        } else {
            ourClient = null;
            ourServer = null;
            clientContext = jsseContext(stack, null, KeyStores.trustStore(pki.anchors()));
            serverContext = jsseContext(stack, KeyStores.pkcs12(pki.certifiedLeaf(), "server", PASSWORD), null);
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

    private static SSLContext jsseContext(Stack stack, KeyStore keys, KeyStore trust) {
        try {
            Provider tls = stack == Stack.BCJSSE ? BcProviders.JSSE : null;
            SSLContext context = stack == Stack.TLSMACHINE_JSSE ? SSLContext.getInstance("TLS", new TlsMachineProvider())
                    : tls == null ? SSLContext.getInstance("TLS", "SunJSSE") : SSLContext.getInstance("TLS", tls);
            KeyManagerFactory kmf = null;
            TrustManagerFactory tmf = null;
            if (keys != null) {
                kmf = tls == null ? KeyManagerFactory.getInstance("SunX509") : KeyManagerFactory.getInstance("PKIX", tls);
                kmf.init(keys, PASSWORD);
            }
            if (trust != null) {
                tmf = tls == null ? TrustManagerFactory.getInstance("PKIX", "SunJSSE") : TrustManagerFactory.getInstance("PKIX", tls);
                tmf.init(trust);
            }
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(),
                    new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up " + stack, e);
        }
    }

    /** Returns a fresh, not yet started pair. */
    ConnectionPair newPair() {
        return stack == Stack.TLSMACHINE ? new EnginePair(ourClient, ourServer)
                : new SslEnginePair(clientContext, serverContext, protocol, suite, resumable, stack == Stack.TLSMACHINE_JSSE);
    }

    /** Bouncy Castle's providers, created once: BCJSSE doing its crypto with the BC provider. */
    static final class BcProviders {
        /** BCJSSE logs every handshake at INFO through java.util.logging; kept strongly so the level sticks. */
        static final java.util.logging.Logger LOG = quiet();
        static final Provider CRYPTO = new BouncyCastleProvider();
        static final Provider JSSE = new BouncyCastleJsseProvider(CRYPTO);

        private BcProviders() {
        }

        private static java.util.logging.Logger quiet() {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.bouncycastle");
            logger.setLevel(java.util.logging.Level.SEVERE);
            return logger;
        }
    }
}
