package io.tlsmachine.impl.crypto.jdk;

import io.tlsmachine.impl.crypto.FixedLength;
import io.tlsmachine.impl.crypto.RsaPremasterSelection;
import io.tlsmachine.impl.crypto.Secret;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import javax.crypto.Cipher;

/** TLS 1.2 RSA key transport (RFC 5246 §7.4.7.1) with the JDK's RSA cipher. */
final class JdkRsaKeyTransport {
    private JdkRsaKeyTransport() {}

    static byte[] encrypt(PublicKey key, byte[] premaster, SecureRandom random) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.ENCRYPT_MODE, key, random);
            return cipher.doFinal(premaster);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("RSA encryption of the premaster secret failed", e);
        }
    }

    /**
     * Decrypts without padding (the JDK's PKCS#1 decryption would fail on bad padding, a
     * Bleichenbacher oracle) and leaves the padding check to {@link RsaPremasterSelection}.
     */
    static Secret decryptPremaster(PrivateKey key, byte[] encrypted, byte[] fallback, int expectedVersion) {
        if (!(key instanceof RSAKey rsaKey)) {
            throw new IllegalArgumentException("RSA key transport needs an RSA private key");
        }
        int k = (rsaKey.getModulus().bitLength() + 7) / 8;
        byte[] encoded = null;
        if (encrypted.length == k) {
            try {
                Cipher cipher = Cipher.getInstance("RSA/ECB/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key);
                encoded = FixedLength.leftPad(cipher.doFinal(encrypted), k);
            } catch (GeneralSecurityException e) {
                encoded = null; // a ciphertext not below the modulus: public, so the fallback may branch
            }
        }
        if (encoded == null) {
            return Secret.adopt(fallback.clone());
        }
        byte[] premaster = RsaPremasterSelection.select(encoded, fallback, expectedVersion);
        Arrays.fill(encoded, (byte) 0);
        return Secret.adopt(premaster);
    }
}
