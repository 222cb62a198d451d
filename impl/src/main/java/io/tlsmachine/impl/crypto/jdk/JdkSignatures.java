package io.tlsmachine.impl.crypto.jdk;

import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.impl.crypto.SignatureKeys;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/** Signature schemes (RFC 8446 §4.2.3) with the JDK's {@link Signature} implementations. */
final class JdkSignatures {
    private JdkSignatures() {}

    static byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] data, SecureRandom random) {
        if (!SignatureKeys.suits(algorithm, key)) {
            throw new IllegalArgumentException(algorithm + " cannot sign with a " + key.getAlgorithm() + " key");
        }
        try {
            Signature signature = newSignature(algorithm);
            signature.initSign(key, random);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " signing failed", e);
        }
    }

    static boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] data, byte[] signatureBytes) {
        if (!SignatureKeys.suits(algorithm, key) || !SignatureKeys.plausibleLength(algorithm, signatureBytes)) {
            return false;
        }
        try {
            Signature signature = newSignature(algorithm);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * ECDSA signatures are DER-encoded as on the wire; RSASSA-PSS uses MGF1 with the same hash and
     * a salt as long as the hash (RFC 8446 §4.2.3).
     */
    private static Signature newSignature(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            case ECDSA_SECP256R1_SHA256 -> Signature.getInstance("SHA256withECDSA");
            case ECDSA_SECP384R1_SHA384 -> Signature.getInstance("SHA384withECDSA");
            case ECDSA_SECP521R1_SHA512 -> Signature.getInstance("SHA512withECDSA");
            case RSA_PKCS1_SHA256 -> Signature.getInstance("SHA256withRSA");
            case RSA_PKCS1_SHA384 -> Signature.getInstance("SHA384withRSA");
            case RSA_PKCS1_SHA512 -> Signature.getInstance("SHA512withRSA");
            case ED25519 -> Signature.getInstance("Ed25519");
            case ED448 -> Signature.getInstance("Ed448");
            case RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512,
                    RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512 -> {
                HashAlgorithm hash = SignatureKeys.hash(algorithm).orElseThrow();
                Signature signature = Signature.getInstance("RSASSA-PSS");
                signature.setParameter(new PSSParameterSpec(hash.jcaName(), "MGF1",
                        new MGF1ParameterSpec(hash.jcaName()), hash.length(), PSSParameterSpec.TRAILER_FIELD_BC));
                yield signature;
            }
        };
    }
}
