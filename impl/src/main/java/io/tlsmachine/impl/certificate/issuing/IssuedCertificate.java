package io.tlsmachine.impl.certificate.issuing;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.CertifiedKey;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A generated certificate with its key type and private key; {@link #toString()} never shows the key. */
public record IssuedCertificate(X509Certificate certificate, CertificateKeyType keyType, PrivateKey privateKey) {
    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Returns the key pair (certificate's public key, private key). */
    public KeyPair keyPair() {
        return new KeyPair(certificate.getPublicKey(), privateKey);
    }

    /** Returns this certificate followed by {@code issuers} (nearest first) with this key. */
    public CertifiedKey certifiedKey(IssuedCertificate... issuers) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        for (IssuedCertificate issuer : issuers) {
            chain.add(issuer.certificate);
        }
        return new CertifiedKey(CertificateChain.of(chain), privateKey);
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName() + ", " + keyType + "]";
    }
}
