package io.tlsmachine.impl.crypto.jdk;

import io.tlsmachine.impl.crypto.RsaPremasterSelection;
import io.tlsmachine.impl.crypto.Secret;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
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

    /** Raw (unpadded) decryption; the padding check is {@link RsaPremasterSelection}'s, in constant time. */
    static Secret decryptPremaster(PrivateKey key, byte[] encrypted, byte[] fallback, int expectedVersion) {
        return RsaPremasterSelection.decryptPremaster(key, encrypted, fallback, expectedVersion, block -> {
            try {
                Cipher cipher = Cipher.getInstance("RSA/ECB/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key);
                return cipher.doFinal(block);
            } catch (GeneralSecurityException e) {
                return null;
            }
        });
    }
}
