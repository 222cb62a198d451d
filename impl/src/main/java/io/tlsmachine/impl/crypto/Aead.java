package io.tlsmachine.impl.crypto;

import io.tlsmachine.TlsException;
import javax.security.auth.Destroyable;

/**
 * An AEAD keyed once (RFC 5116 §2): seal and open with a per-record nonce and additional data.
 *
 * <p>Instances are not thread-safe; one per direction of a connection. The nonce and additional data arrays are read
 * during a call only: an implementation keeps no reference to them (the record layer reuses them).
 */
public interface Aead extends Destroyable {
    AeadAlgorithm algorithm();

    /**
     * Encrypts {@code plaintext[offset, offset+length)} and writes ciphertext||tag to {@code out}
     * at {@code outOffset}; returns the number of bytes written ({@code length + tagLength}).
     */
    int seal(byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length, byte[] out, int outOffset);

    /**
     * Encrypts the plaintext {@code plaintext[offset, offset+length) || trailer[0, trailerLength)} (e.g. a TLS 1.3
     * content followed by its inner content type) without first copying the two parts together, and writes
     * ciphertext||tag to {@code out} at {@code outOffset}, which must not overlap the plaintext; returns the number of
     * bytes written.
     */
    default int seal(byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length, byte[] trailer,
            int trailerLength, byte[] out, int outOffset) {
        System.arraycopy(plaintext, offset, out, outOffset, length);
        System.arraycopy(trailer, 0, out, outOffset + length, trailerLength);
        return seal(nonce, aad, out, outOffset, length + trailerLength, out, outOffset);
    }

    /**
     * Decrypts and authenticates ciphertext||tag, writing the plaintext to {@code out}; returns its
     * length.
     *
     * @throws TlsException with reason BAD_RECORD_MAC when authentication fails
     */
    int open(byte[] nonce, byte[] aad, byte[] ciphertext, int offset, int length, byte[] out, int outOffset);

    /** Convenience: seals into a new array. */
    default byte[] seal(byte[] nonce, byte[] aad, byte[] plaintext) {
        byte[] out = new byte[plaintext.length + algorithm().tagLength()];
        seal(nonce, aad, plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    /** Convenience: opens into a new array. */
    default byte[] open(byte[] nonce, byte[] aad, byte[] ciphertext) {
        int plainLength = ciphertext.length - algorithm().tagLength();
        if (plainLength < 0) {
            throw TlsException.fatal(io.tlsmachine.Reason.BAD_RECORD_MAC, "ciphertext shorter than tag");
        }
        byte[] out = new byte[plainLength];
        open(nonce, aad, ciphertext, 0, ciphertext.length, out, 0);
        return out;
    }
}
