package io.tlsmachine.testkit;

import io.tlsmachine.impl.certificate.issuing.CertificateIssuer;
import io.tlsmachine.impl.certificate.issuing.IssuedCertificate;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;

/**
 * A small certificate authority for tests, benchmarks and interop runs: the product's {@link CertificateIssuer}
 * (roots, intermediates, leaves, {@link #hierarchy}) plus certificate revocation lists. Never for production
 * certificates.
 */
public final class TestPki extends CertificateIssuer {

    /** A CA for tests, drawing keys and serial numbers from {@code random}. */
    public TestPki(SecureRandom random) {
        super(random);
    }

    /**
     * Issues a CRL of {@code issuer} (RFC 5280 §5) revoking {@code revoked}, valid from
     * {@code thisUpdate} for seven days.
     */
    public X509CRL revocationList(IssuedCertificate issuer, List<X509Certificate> revoked, Instant thisUpdate) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer.certificate().getSubjectX500Principal(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(7))));
            for (X509Certificate certificate : revoked) {
                builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate().getPublicKey()));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(issuer.keyType(), issuer.privateKey())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a CRL", e);
        }
    }
}
