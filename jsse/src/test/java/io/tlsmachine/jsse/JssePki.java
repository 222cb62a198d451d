package io.tlsmachine.jsse;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.impl.certificate.PemWriter;
import io.tlsmachine.impl.certificate.issuing.CertificateIssuer;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.testkit.TestPki;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A test PKI for "localhost" as JSSE sees it: the leaf in a key store behind a PKIX KeyManagerFactory, the root in a
 * trust store behind a PKIX TrustManagerFactory, and SSLContexts of our provider and of the JDK's initialized with them.
 */
final class JssePki {
    static final String HOST = "localhost";
    private static final char[] PASSWORD = "test-only".toCharArray();

    private final CertificateIssuer.Hierarchy hierarchy;
    private final KeyStore keyStore;
    private final KeyManagerFactory keyManagers;
    private final TrustManagerFactory trustManagers;

    JssePki(CertificateKeyType keyType) {
        try {
            CertificateIssuer.Hierarchy pki = new TestPki(new SecureRandom()).hierarchy("Jsse", keyType, HOST, Instant.now());
            hierarchy = pki;
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("leaf", pki.leaf().privateKey(), PASSWORD,
                    pki.chain().certificates().toArray(X509Certificate[]::new));
            keyStore = keys;
            keyManagers = KeyManagerFactory.getInstance("PKIX");
            keyManagers.init(keys, PASSWORD);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("root", pki.root().certificate());
            trustManagers = TrustManagerFactory.getInstance("PKIX");
            trustManagers.init(trust);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM files of this PKI, as OpenSSL and curl take them. */
    record PemFiles(Path root, Path leaf, Path intermediate, Path key) {
    }

    /** Writes the root, the leaf, the intermediate and the leaf's key as PEM files into {@code dir}. */
    PemFiles writePem(Path dir) {
        PemFiles files = new PemFiles(dir.resolve("root.pem"), dir.resolve("leaf.pem"), dir.resolve("intermediate.pem"),
                dir.resolve("key.pem"));
        PemWriter.write(CertificateChain.of(hierarchy.root().certificate()), files.root());
        PemWriter.write(CertificateChain.of(hierarchy.leaf().certificate()), files.leaf());
        PemWriter.write(CertificateChain.of(hierarchy.intermediate().certificate()), files.intermediate());
        PemWriter.write(hierarchy.leaf().privateKey(), files.key());
        return files;
    }

    /** The PKCS#12 store holding the leaf "localhost" and its chain under the alias "leaf". */
    KeyStore keyStore() {
        return keyStore;
    }

    /** The password of {@link #keyStore()} and its entry. */
    static String password() {
        return new String(PASSWORD);
    }

    /** The key managers of the leaf "localhost" (a PKIX KeyManagerFactory). */
    KeyManagerFactory keyManagerFactory() {
        return keyManagers;
    }

    /** The trust managers trusting the root (a PKIX TrustManagerFactory). */
    TrustManagerFactory trustManagerFactory() {
        return trustManagers;
    }

    /** The first trust manager, as OkHttp takes it. */
    javax.net.ssl.X509TrustManager trustManager() {
        return (javax.net.ssl.X509TrustManager) trustManagers.getTrustManagers()[0];
    }

    /** Returns an SSLContext of our provider for {@code protocol} ("TLS", "TLSv1.3", "TLSv1.2"). */
    SSLContext ours(String protocol) {
        return context(protocol, true);
    }

    /** Returns the JDK's own (SunJSSE) SSLContext for {@code protocol}. */
    SSLContext jdk(String protocol) {
        return context(protocol, false);
    }

    private SSLContext context(String protocol, boolean ours) {
        try {
            SSLContext context = ours ? SSLContext.getInstance(protocol, new TlsMachineProvider())
                    : SSLContext.getInstance(protocol, "SunJSSE");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
