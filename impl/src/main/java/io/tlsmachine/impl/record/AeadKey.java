package io.tlsmachine.impl.record;

import io.tlsmachine.impl.crypto.Aead;
import javax.security.auth.DestroyFailedException;

/** Small helpers shared by the AEAD protections. */
final class AeadKey {
    private AeadKey() {
    }

    /**
     * RFC 8446 §5.3 (and RFC 7905 §2 for TLS 1.2 ChaCha20-Poly1305): the 64-bit sequence number in
     * network byte order, left-padded with zeros to the IV length, XORed with the IV.
     */
    static byte[] xorNonce(byte[] iv, long sequenceNumber) {
        byte[] nonce = iv.clone();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (sequenceNumber >>> (8 * i));
        }
        return nonce;
    }

    /** Writes {@code value} as 8 big-endian bytes at {@code out[offset]}. */
    static void writeUint64(byte[] out, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            out[offset + i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    /** Reads 8 big-endian bytes at {@code in[offset]}. */
    static long readUint64(byte[] in, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (in[offset + i] & 0xFF);
        }
        return value;
    }

    static void destroy(Aead aead, byte[] iv) {
        java.util.Arrays.fill(iv, (byte) 0);
        try {
            aead.destroy();
        } catch (DestroyFailedException e) {
            // The provider cannot wipe its key; nothing more we can do.
        }
    }
}
