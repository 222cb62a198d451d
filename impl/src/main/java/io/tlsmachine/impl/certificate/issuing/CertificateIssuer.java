package io.tlsmachine.impl.crypto.cert;

import io.tlsmachine.impl.certificate.CertificateChain;
import io.tlsmachine.impl.certificate.CertifiedKey;
import io.tlsmachine.impl.certificate.TrustAnchors;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority for tests, the demo and interop runs: issues roots,
 * intermediates and leaves (ECDSA P-256/P-384, RSA-2048, Ed25519) with chosen names, SANs,
 * validity and key usages, and CRLs. Never for production certificates.
 *
 * <p>{@link #hierarchy} builds the usual root → intermediate → leaf in one call.
 */
public final class TestPki {
    private final SecureRandom random;

    /** A CA for tests, drawing keys and serial numbers from {@code random}. */
    public TestPki(SecureRandom random) {
        this.random = random;
    }

    /** A root, an intermediate it signed and a leaf the intermediate signed. */
    public record Hierarchy(IssuedCertificate root, IssuedCertificate intermediate, IssuedCertificate leaf) {
        /** Returns leaf and intermediate, as a server sends them (the root is left out, RFC 8446 §4.4.2). */
        public CertificateChain chain() {
            return CertificateChain.of(leaf.certificate(), intermediate.certificate());
        }

        /** Returns the leaf's credentials with the chain of {@link #chain()}. */
        public CertifiedKey certifiedLeaf() {
            return leaf.certifiedKey(intermediate);
        }

        /** Returns trust anchors holding the root only. */
        public TrustAnchors anchors() {
            return TrustAnchors.of(root.certificate());
        }
    }

    /**
     * Issues root "CN={@code name} Root", intermediate "CN={@code name} Intermediate" and a leaf
     * for DNS name {@code host} (subject "CN={@code host}"), all of {@code keyType}, valid from
     * one hour before {@code now}: the CAs for ten years, the leaf for 90 days.
     */
    public Hierarchy hierarchy(String name, CertificateKeyType keyType, String host, Instant now) {
        Instant start = now.minus(Duration.ofHours(1));
        IssuedCertificate root = selfSigned(CertificateSpec.authority("CN=" + name + " Root", keyType, start, Duration.ofDays(3650)));
        IssuedCertificate intermediate = issue(
                CertificateSpec.authority("CN=" + name + " Intermediate", keyType, start, Duration.ofDays(3650)), root);
        IssuedCertificate leaf = issue(
                CertificateSpec.endEntity("CN=" + host, keyType, start, Duration.ofDays(90)).withDnsNames(host), intermediate);
        return new Hierarchy(root, intermediate, leaf);
    }

    /** Issues a self-signed certificate (a root, or a self-signed leaf). */
    public IssuedCertificate selfSigned(CertificateSpec spec) {
        KeyPair keyPair = spec.keyType().generate(random);
        X509Certificate certificate = CertificateBuilding.build(spec, keyPair.getPublic(), new X500Name(spec.subject()),
                keyPair.getPublic(), signer(spec.keyType(), keyPair.getPrivate()), serialNumber());
        return new IssuedCertificate(certificate, spec.keyType(), keyPair.getPrivate());
    }

    /** Issues a certificate for a fresh key per {@code spec}, signed by {@code issuer}. */
    public IssuedCertificate issue(CertificateSpec spec, IssuedCertificate issuer) {
        KeyPair keyPair = spec.keyType().generate(random);
        X509Certificate certificate = CertificateBuilding.build(spec, keyPair.getPublic(),
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                issuer.certificate().getPublicKey(), signer(issuer.keyType(), issuer.privateKey()), serialNumber());
        return new IssuedCertificate(certificate, spec.keyType(), keyPair.getPrivate());
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
            builder.addExtension(org.bouncycastle.asn1.x509.Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate().getPublicKey()));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(issuer.keyType(), issuer.privateKey())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a CRL", e);
        }
    }

    private BigInteger serialNumber() {
        return new BigInteger(63, random).add(BigInteger.ONE);
    }

    private ContentSigner signer(CertificateKeyType issuerKeyType, PrivateKey issuerKey) {
        try {
            return new JcaContentSignerBuilder(issuerKeyType.certificateSignatureAlgorithm()).setSecureRandom(random).build(issuerKey);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with a " + issuerKeyType + " key", e);
        }
    }
}
