package io.tlsmachine.impl.certificate;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;

/** Checks that a private key belongs to a public key (a certificate's), so a mismatch fails at load time. */
public final class KeyPairs {
    private static final byte[] PROBE = "tlsmachine key pair probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private KeyPairs() {}

    /** Whether {@code privateKey} is the private half of {@code publicKey}. */
    public static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        if (publicKey instanceof RSAKey rsaPublic && privateKey instanceof RSAKey rsaPrivate) {
            return rsaPublic.getModulus().equals(rsaPrivate.getModulus());
        }
        if (publicKey instanceof ECKey && privateKey instanceof ECKey) {
            return signsAndVerifies("SHA256withECDSA", publicKey, privateKey);
        }
        if (publicKey instanceof EdECKey && privateKey instanceof EdECKey) {
            return signsAndVerifies("EdDSA", publicKey, privateKey);
        }
        return false;
    }

    private static boolean signsAndVerifies(String algorithm, PublicKey publicKey, PrivateKey privateKey) {
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey, new SecureRandom());
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
