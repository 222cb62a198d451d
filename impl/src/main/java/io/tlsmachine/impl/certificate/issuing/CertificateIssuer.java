package io.tlsmachine.impl.certificate.issuing;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.CertifiedKey;
import io.tlsmachine.TrustAnchors;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues certificates for the demo, a local server's self-signed certificate and (through the testkit's
 * {@code TestPki}, which adds CRLs) the tests: roots, intermediates and leaves (ECDSA P-256/P-384, RSA-2048, Ed25519)
 * with chosen names, SANs, validity and key usages. Never for production certificates.
 *
 * <p>{@link #hierarchy} builds the usual root → intermediate → leaf in one call.
 */
public class CertificateIssuer {
    private final SecureRandom random;

    /** An issuer drawing keys and serial numbers from {@code random}. */
    public CertificateIssuer(SecureRandom random) {
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

    private BigInteger serialNumber() {
        return new BigInteger(63, random).add(BigInteger.ONE);
    }

    /** Returns a signer with {@code issuerKey} for certificates and CRLs an issuer of {@code issuerKeyType} signs. */
    protected final ContentSigner signer(CertificateKeyType issuerKeyType, PrivateKey issuerKey) {
        try {
            return new JcaContentSignerBuilder(issuerKeyType.certificateSignatureAlgorithm()).setSecureRandom(random).build(issuerKey);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with a " + issuerKeyType + " key", e);
        }
    }
}
