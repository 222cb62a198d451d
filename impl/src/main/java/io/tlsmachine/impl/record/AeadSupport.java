package io.tlsmachine.impl.record;

import io.tlsmachine.impl.crypto.Aead;
import java.util.Arrays;
import javax.security.auth.DestroyFailedException;

/** Nonce arithmetic and key wiping shared by the AEAD protections. */
final class AeadSupport {
    private AeadSupport() {
    }

    /**
     * RFC 8446 §5.3 (and RFC 7905 §2 for TLS 1.2 ChaCha20-Poly1305): the 64-bit sequence number in
     * network byte order, left-padded with zeros to the IV length, XORed with the IV.
     */
    static byte[] xorNonce(byte[] iv, long sequenceNumber) {
        return xorNonce(iv, sequenceNumber, new byte[iv.length]);
    }

    /** {@link #xorNonce(byte[], long)} into {@code nonce} (as long as the IV), which it returns. */
    static byte[] xorNonce(byte[] iv, long sequenceNumber, byte[] nonce) {
        System.arraycopy(iv, 0, nonce, 0, iv.length);
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (sequenceNumber >>> (8 * i));
        }
        return nonce;
    }

    /**
     * XORs {@code sequenceNumber}, left-padded to the IV's length, into {@code iv} in place (RFC 8446 §5.3): once to
     * turn the IV into the record's nonce, once more to turn it back.
     */
    static void xorSequenceInPlace(byte[] iv, long sequenceNumber) {
        for (int i = 0; i < 8; i++) {
            iv[iv.length - 1 - i] ^= (byte) (sequenceNumber >>> (8 * i));
        }
    }

    /** Writes {@code value} as 8 big-endian bytes at {@code out[offset]}. */
    static void writeUint64(byte[] out, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            out[offset + i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    /** Wipes the IV and asks the AEAD to wipe its key. */
    static void destroy(Aead aead, byte[] iv, byte[] nonce) {
        Arrays.fill(iv, (byte) 0);
        if (nonce != null) {
            Arrays.fill(nonce, (byte) 0);
        }
        try {
            aead.destroy();
        } catch (DestroyFailedException e) {
            // The provider cannot wipe its key; nothing more we can do.
        }
    }
}
