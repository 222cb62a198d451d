package io.tlsmachine;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates we trust to issue peer certificates (RFC 5280 §6.1.1 (d)): from PEM files, a
 * {@link KeyStore}'s trusted entries, or the JDK's default trust store.
 */
public final class TrustAnchors {
    private final List<X509Certificate> certificates;

    private TrustAnchors(List<X509Certificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no trust anchors: an empty trust store would reject every peer");
        }
        this.certificates = List.copyOf(new LinkedHashSet<>(certificates));
    }

    /**
     * Trusts exactly these certificates.
     * @param certificates the certificates to trust
     * @return the trust anchors
     */
    public static TrustAnchors of(List<X509Certificate> certificates) {
        return new TrustAnchors(certificates);
    }

    /**
     * Trusts exactly these certificates.
     * @param certificates the certificates to trust
     * @return the trust anchors
     */
    public static TrustAnchors of(X509Certificate... certificates) {
        return new TrustAnchors(List.of(certificates));
    }

    /**
     * Trusts every CERTIFICATE block of these PEM files.
     * @param pemFiles PEM files of certificates
     * @return the trust anchors
     */
    public static TrustAnchors fromPem(Path... pemFiles) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : pemFiles) {
            certificates.addAll(CertificateChain.load(file).certificates());
        }
        return new TrustAnchors(certificates);
    }

    /**
     * Trusts every trusted-certificate entry of {@code store}; the chains of private key entries are not anchors.
     * @param store the key store
     * @return the trust anchors
     */
    public static TrustAnchors fromKeyStore(KeyStore store) {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    certificates.add(certificate);
                }
            }
            return new TrustAnchors(certificates);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the trust store: " + e.getMessage(), e);
        }
    }

    /**
     * Trusts what the JDK trusts by default: the {@code javax.net.ssl.trustStore} system property
     * when set, else {@code jssecacerts} or {@code cacerts} of the running JDK.
     * @return the trust anchors
     */
    public static TrustAnchors jdkDefault() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509Manager) {
                    return new TrustAnchors(List.of(x509Manager.getAcceptedIssuers()));
                }
            }
            throw new IllegalStateException("the JDK's default trust manager factory has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JDK's default trust store", e);
        }
    }

    /** {@return the trusted certificates} */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /** {@return them as PKIX trust anchors} */
    public Set<TrustAnchor> pkixAnchors() {
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        for (X509Certificate certificate : certificates) {
            anchors.add(new TrustAnchor(certificate, null));
        }
        return anchors;
    }

    /**
     * {@return the DER subject names of the anchors, for the certificate_authorities extension
     * (RFC 8446 §4.2.4) or a TLS 1.2 CertificateRequest (RFC 5246 §7.4.4)}
     */
    public List<byte[]> distinguishedNames() {
        return certificates.stream().map(certificate -> certificate.getSubjectX500Principal().getEncoded()).toList();
    }

    /**
     * {@return whether {@code certificate} is itself one of the anchors}
     * @param certificate the certificate to look for
     */
    public boolean contains(Certificate certificate) {
        return certificates.contains(certificate);
    }

    @Override
    public String toString() {
        return "TrustAnchors[" + certificates.size() + " certificates]";
    }
}
