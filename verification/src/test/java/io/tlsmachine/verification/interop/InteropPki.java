package io.tlsmachine.verification.interop;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.impl.certificate.KeyStores;
import io.tlsmachine.impl.certificate.PemWriter;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.testkit.TestPki;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Instant;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates of the interop tests: an ECDSA P-256 and an RSA-2048 hierarchy for {@link #HOST}, as our
 * configurations, PEM files (OpenSSL, GnuTLS) and JSSE contexts (JDK, Bouncy Castle).
 */
enum InteropPki {
    EC(CertificateKeyType.EC_P256, 41),
    RSA(CertificateKeyType.RSA_2048, 42);

    static final String HOST = "interop.test";
    private static final char[] PASSWORD = "interop".toCharArray();

    private final TestPki.Hierarchy hierarchy;

    InteropPki(CertificateKeyType type, long seed) {
        this.hierarchy = new TestPki(seeded(seed)).hierarchy("Interop " + name(), type, HOST, Instant.now());
    }

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    TestPki.Hierarchy hierarchy() {
        return hierarchy;
    }

    /** Our client: trusts this hierarchy's root and checks {@link #HOST}. */
    TlsConfigBuilder ourClient() {
        return TlsConfig.builder().serverName(HOST).certificateVerifier(CertificateVerifier.pkix(hierarchy.anchors()));
    }

    /** Our server: presents this hierarchy's leaf and intermediate. */
    TlsConfigBuilder ourServer() {
        return TlsConfig.builder().certifiedKey(hierarchy.certifiedLeaf());
    }

    /** The PEM files a command-line peer needs, written into {@code dir}. */
    record PemFiles(Path leaf, Path chain, Path key, Path root, Path leafAndChain) {
    }

    /**
     * Writes the leaf, the intermediate (chain), the key (PKCS#8), the root, and leaf plus intermediate in one
     * file, as PEM files into {@code dir}.
     */
    PemFiles writePem(Path dir) {
        Path leaf = dir.resolve(name() + "-leaf.pem");
        Path chain = dir.resolve(name() + "-chain.pem");
        Path key = dir.resolve(name() + "-key.pem");
        Path root = dir.resolve(name() + "-root.pem");
        PemWriter.write(CertificateChain.of(hierarchy.leaf().certificate()), leaf);
        PemWriter.write(CertificateChain.of(hierarchy.intermediate().certificate()), chain);
        PemWriter.write(hierarchy.certifiedLeaf().privateKey(), key);
        PemWriter.write(CertificateChain.of(hierarchy.root().certificate()), root);
        Path leafAndChain = dir.resolve(name() + "-leaf-and-chain.pem");
        PemWriter.write(hierarchy.chain(), leafAndChain);
        return new PemFiles(leaf, chain, key, root, leafAndChain);
    }

    /**
     * Writes this hierarchy's leaf key for GnuTLS into {@code dir} as PKCS#8 ({@link PemWriter} includes the EC
     * public key, which GnuTLS 3.7 needs in the inner ECPrivateKey of RFC 5915 §3).
     */
    Path writeGnutlsKey(Path dir) {
        Path file = dir.resolve(name() + "-gnutls-key.pem");
        PemWriter.write(hierarchy.certifiedLeaf().privateKey(), file);
        return file;
    }

    /** The JDK's key managers holding this hierarchy's leaf (for peers configured by factories, as Netty's). */
    KeyManagerFactory keyManagerFactory() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(KeyStores.pkcs12(hierarchy.certifiedLeaf(), "own", PASSWORD), PASSWORD);
        return kmf;
    }

    /** The JDK's trust managers trusting this hierarchy's root. */
    TrustManagerFactory trustManagerFactory() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(KeyStores.trustStore(hierarchy.anchors()));
        return tmf;
    }

    /**
     * A JSSE context of {@code provider} ({@code null}: the JDK's default) holding this hierarchy's leaf and
     * trusting {@code trusted}'s root.
     */
    SSLContext jsseContext(String provider, InteropPki trusted) throws Exception {
        KeyStore keys = KeyStores.pkcs12(hierarchy.certifiedLeaf(), "own", PASSWORD);
        KeyStore anchors = KeyStores.trustStore(trusted.hierarchy.anchors());
        KeyManagerFactory kmf;
        TrustManagerFactory tmf;
        SSLContext context;
        if (provider == null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            context = SSLContext.getInstance("TLS");
        } else {
            kmf = KeyManagerFactory.getInstance("PKIX", provider);
            tmf = TrustManagerFactory.getInstance("PKIX", provider);
            context = SSLContext.getInstance("TLS", provider);
        }
        kmf.init(keys, PASSWORD);
        tmf.init(anchors);
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return context;
    }
}
