package io.tlsmachine.impl.crypto;

import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.util.Arrays;

/**
 * The RFC 5246 §7.4.7.1 countermeasure against Bleichenbacher's attack: from the raw RSA
 * decryption of an EncryptedPreMasterSecret, pick the premaster secret or the caller's random
 * fallback without branching on, or failing because of, anything secret.
 *
 * <pre>
 *   EM = 0x00 || 0x02 || PS (non-zero, at least 8 bytes) || 0x00 || M      (RFC 8017 §7.2.2)
 *   if the padding is wrong, or M is not 48 bytes:      pre_master_secret = R
 *   else if M[0..1] != ClientHello.client_version:       pre_master_secret = R
 *   else:                                                 pre_master_secret = M
 * </pre>
 */
public final class RsaPremasterSelection {
    /** RFC 5246 §7.4.7.1: the premaster secret is 48 bytes. */
    public static final int PREMASTER_LENGTH = 48;

    private RsaPremasterSelection() {}

    /** Decrypts one k-byte block with raw (unpadded) RSA, as a provider does it. */
    @FunctionalInterface
    public interface RawRsaDecryption {
        /** Returns the raw RSA result, or null when the provider refuses the block (not below the modulus). */
        byte[] decryptOrNull(byte[] block);
    }

    /**
     * RFC 5246 §7.4.7.1: decrypts an EncryptedPreMasterSecret with {@code rawDecryption} (never a
     * PKCS#1 decryption that fails on bad padding: a Bleichenbacher oracle) and returns the premaster
     * secret {@link #select} picks, or a copy of {@code fallback} when the ciphertext has the wrong
     * length or is refused.
     */
    public static Secret decryptPremaster(PrivateKey key, byte[] encrypted, byte[] fallback, int expectedVersion,
            RawRsaDecryption rawDecryption) {
        if (!(key instanceof RSAKey rsaKey)) {
            throw new IllegalArgumentException("RSA key transport needs an RSA private key");
        }
        int k = (rsaKey.getModulus().bitLength() + 7) / 8;
        byte[] raw = encrypted.length == k ? rawDecryption.decryptOrNull(encrypted) : null;
        if (raw == null) {
            return Secret.adopt(fallback.clone()); // a wrong length or a value not below the modulus is public
        }
        byte[] encoded = FixedLength.leftPad(raw, k);
        byte[] premaster = select(encoded, fallback, expectedVersion);
        Arrays.fill(encoded, (byte) 0);
        return Secret.adopt(premaster);
    }

    /**
     * Returns M when {@code encodedMessage} (the k-byte raw RSA result) is a well-padded 48-byte
     * premaster secret starting with {@code expectedVersion}, and a copy of {@code fallback}
     * otherwise; runs in time that depends only on the lengths.
     */
    public static byte[] select(byte[] encodedMessage, byte[] fallback, int expectedVersion) {
        if (fallback.length != PREMASTER_LENGTH) {
            throw new IllegalArgumentException("fallback must be 48 bytes");
        }
        int k = encodedMessage.length;
        int messageStart = k - PREMASTER_LENGTH;
        if (k < PREMASTER_LENGTH + 11) {
            return fallback.clone(); // the key size is public
        }
        // good is all ones while every check passes, and 0 once any fails.
        int good = isZero(encodedMessage[0]);
        good &= isZero((encodedMessage[1] & 0xFF) ^ 0x02);
        for (int i = 2; i < messageStart - 1; i++) {
            good &= ~isZero(encodedMessage[i]);
        }
        good &= isZero(encodedMessage[messageStart - 1]);
        good &= isZero((encodedMessage[messageStart] & 0xFF) ^ ((expectedVersion >>> 8) & 0xFF));
        good &= isZero((encodedMessage[messageStart + 1] & 0xFF) ^ (expectedVersion & 0xFF));
        byte[] premaster = new byte[PREMASTER_LENGTH];
        for (int i = 0; i < PREMASTER_LENGTH; i++) {
            premaster[i] = (byte) ((encodedMessage[messageStart + i] & good) | (fallback[i] & ~good));
        }
        return premaster;
    }

    /** Returns -1 (all ones) when {@code value} is zero and 0 otherwise, without branching. */
    private static int isZero(int value) {
        return ~((value | -value) >> 31);
    }
}
