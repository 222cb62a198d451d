package io.tlsmachine.impl.certificate.issuing;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

/** Builds one X.509 v3 certificate (RFC 5280 §4.1) from a {@link CertificateSpec} with Bouncy Castle's bcpkix. */
final class CertificateBuilding {
    private CertificateBuilding() {}

    static X509Certificate build(CertificateSpec spec, PublicKey subjectKey, X500Name issuer, PublicKey issuerKey,
            ContentSigner signer, BigInteger serial) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial,
                    Date.from(spec.notBefore()), Date.from(spec.notAfter()), new X500Name(spec.subject()), subjectKey);
            // RFC 5280 §4.2.1.9: CAs mark basicConstraints critical; end entities say cA=FALSE.
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(spec.certificateAuthority()));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerKey));
            if (!spec.keyUsages().isEmpty()) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsageBits(spec)));
            }
            if (!spec.extendedKeyUsages().isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        spec.extendedKeyUsages().stream().sorted().map(CertificateBuilding::keyPurpose).toArray(KeyPurposeId[]::new)));
            }
            List<GeneralName> names = new ArrayList<>();
            spec.dnsNames().forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
            spec.ipAddresses().forEach(address -> names.add(new GeneralName(GeneralName.iPAddress, address)));
            if (!names.isEmpty()) {
                // RFC 5280 §4.2.1.6: critical only when the subject is empty.
                builder.addExtension(Extension.subjectAlternativeName, spec.subject().isEmpty(),
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (CertIOException | CertificateException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot build certificate " + spec.subject(), e);
        }
    }

    private static int keyUsageBits(CertificateSpec spec) {
        int bits = 0;
        for (CertificateSpec.KeyUsage usage : spec.keyUsages()) {
            bits |= switch (usage) {
                case DIGITAL_SIGNATURE -> KeyUsage.digitalSignature;
                case KEY_ENCIPHERMENT -> KeyUsage.keyEncipherment;
                case KEY_CERT_SIGN -> KeyUsage.keyCertSign;
                case CRL_SIGN -> KeyUsage.cRLSign;
            };
        }
        return bits;
    }

    private static KeyPurposeId keyPurpose(CertificateSpec.ExtendedKeyUsage usage) {
        return switch (usage) {
            case SERVER_AUTH -> KeyPurposeId.id_kp_serverAuth;
            case CLIENT_AUTH -> KeyPurposeId.id_kp_clientAuth;
        };
    }
}
