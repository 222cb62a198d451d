package io.tlsmachine.impl.certificate.issuing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** A key type for generated certificates, and the algorithm its holder signs certificates with. */
public enum CertificateKeyType {
    EC_P256("SHA256withECDSA"),
    EC_P384("SHA384withECDSA"),
    EC_P521("SHA512withECDSA"),
    RSA_2048("SHA256withRSA"),
    ED25519("Ed25519");

    private final String certificateSignatureAlgorithm;

    CertificateKeyType(String certificateSignatureAlgorithm) {
        this.certificateSignatureAlgorithm = certificateSignatureAlgorithm;
    }

    /** Returns the JCA name of the algorithm a key of this type signs certificates and CRLs with. */
    public String certificateSignatureAlgorithm() {
        return certificateSignatureAlgorithm;
    }

    /** Generates a fresh key pair of this type with the JDK. */
    public KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = switch (this) {
                case EC_P256, EC_P384, EC_P521 -> KeyPairGenerator.getInstance("EC");
                case RSA_2048 -> KeyPairGenerator.getInstance("RSA");
                case ED25519 -> KeyPairGenerator.getInstance("Ed25519");
            };
            switch (this) {
                case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"), random);
                case EC_P384 -> generator.initialize(new ECGenParameterSpec("secp384r1"), random);
                case EC_P521 -> generator.initialize(new ECGenParameterSpec("secp521r1"), random);
                case RSA_2048 -> generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), random);
                case ED25519 -> generator.initialize(255, random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate a " + this + " key pair", e);
        }
    }
}
