package io.tlsmachine.bench.handshake;

import io.tlsmachine.impl.certificate.KeyStores;
import io.tlsmachine.jsse.TlsMachineProvider;
import io.tlsmachine.testkit.TestPki;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * The key and trust managers each JSSE stack is set up with, as an application would do it: the server's leaf
 * from a PKCS#12 store (SunJSSE's {@code SunX509}, or BCJSSE's own {@code PKIX}), the root as the trust anchor
 * of a {@code PKIX} trust manager; and the SSLContext provider of each stack.
 */
final class JsseManagers {

    static final char[] PASSWORD = "bench".toCharArray();

    private JsseManagers() {
    }

    /** Returns the SSLContext provider of {@code stack}: SunJSSE, BCJSSE or ours. */
    static Provider provider(Stack stack) {
        return switch (stack) {
            case SUNJSSE -> java.security.Security.getProvider("SunJSSE");
            case BCJSSE -> BcProviders.JSSE;
            case TLSMACHINE_JSSE -> new TlsMachineProvider();
            case TLSMACHINE, BORINGSSL -> throw new IllegalArgumentException(stack + " is not a JSSE provider");
        };
    }

    /** Returns a key manager factory holding {@code pki}'s leaf and its key. */
    static KeyManagerFactory keys(Stack stack, TestPki.Hierarchy pki) {
        try {
            KeyManagerFactory factory = stack == Stack.BCJSSE ? KeyManagerFactory.getInstance("PKIX", BcProviders.JSSE)
                    : KeyManagerFactory.getInstance("SunX509");
            factory.init(KeyStores.pkcs12(pki.certifiedLeaf(), "server", PASSWORD), PASSWORD);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the key manager of " + stack, e);
        }
    }

    /** Returns a PKIX trust manager factory trusting {@code pki}'s root. */
    static TrustManagerFactory trust(Stack stack, TestPki.Hierarchy pki) {
        try {
            TrustManagerFactory factory = stack == Stack.BCJSSE ? TrustManagerFactory.getInstance("PKIX", BcProviders.JSSE)
                    : TrustManagerFactory.getInstance("PKIX", "SunJSSE");
            factory.init(KeyStores.trustStore(pki.anchors()));
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the trust manager of " + stack, e);
        }
    }

    /** Bouncy Castle's providers, created once: BCJSSE doing its crypto with the BC provider. */
    static final class BcProviders {
        /** BCJSSE logs every handshake at INFO through java.util.logging; kept strongly so the level sticks. */
        static final Logger LOG = quiet();
        static final Provider CRYPTO = new BouncyCastleProvider();
        static final Provider JSSE = new BouncyCastleJsseProvider(CRYPTO);

        private BcProviders() {
        }

        private static Logger quiet() {
            Logger logger = Logger.getLogger("org.bouncycastle");
            logger.setLevel(Level.SEVERE);
            return logger;
        }
    }
}
