package io.tlsmachine.bench.crypto;

import io.tlsmachine.SignatureAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** A fresh key pair of the kind each signature scheme needs (RSA keys are 2048 bits). */
final class SignatureKeyPairs {
    private SignatureKeyPairs() {}

    static KeyPair forScheme(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            case ECDSA_SECP256R1_SHA256 -> ec("secp256r1");
            case ECDSA_SECP384R1_SHA384 -> ec("secp384r1");
            case ECDSA_SECP521R1_SHA512 -> ec("secp521r1");
            case RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512,
                    RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512 -> rsa("RSA");
            case RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512 -> rsa("RSASSA-PSS");
            case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            case ED448 -> KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        };
    }

    private static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static KeyPair rsa(String algorithm) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
