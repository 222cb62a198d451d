package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * An AEAD backed by Bouncy Castle's lightweight {@code GCMModeCipher} over AES (RFC 5116 §5.1/§5.2)
 * or {@code ChaCha20Poly1305} (RFC 8439 §2.8).
 *
 * <p>{@link #destroy()} wipes the key parameter; the cipher's expanded key stays in memory until
 * collected.
 */
final class BcAead implements Aead {
    private final AeadAlgorithm algorithm;
    private final KeyParameter key;
    private final AEADCipher cipher;
    private boolean destroyed;

    BcAead(AeadAlgorithm algorithm, byte[] key) {
        if (key.length != algorithm.keyLength()) {
            throw new IllegalArgumentException(algorithm + " needs a " + algorithm.keyLength() + "-byte key");
        }
        this.algorithm = algorithm;
        this.key = new KeyParameter(key);
        this.cipher = algorithm == AeadAlgorithm.CHACHA20_POLY1305
                ? new ChaCha20Poly1305()
                : GCMBlockCipher.newInstance(AESEngine.newInstance());
    }

    @Override
    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length, byte[] out, int outOffset) {
        init(true, nonce, aad);
        int written = cipher.processBytes(plaintext, offset, length, out, outOffset);
        try {
            return written + cipher.doFinal(out, outOffset + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(algorithm + " encryption failed", e);
        }
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length, byte[] trailer,
            int trailerLength, byte[] out, int outOffset) {
        init(true, nonce, aad);
        int written = cipher.processBytes(plaintext, offset, length, out, outOffset);
        written += cipher.processBytes(trailer, 0, trailerLength, out, outOffset + written);
        try {
            return written + cipher.doFinal(out, outOffset + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(algorithm + " encryption failed", e);
        }
    }

    @Override
    public int open(byte[] nonce, byte[] aad, byte[] ciphertext, int offset, int length, byte[] out, int outOffset) {
        if (length < algorithm.tagLength()) {
            throw TlsException.fatal(Reason.BAD_RECORD_MAC, "ciphertext shorter than tag");
        }
        init(false, nonce, aad);
        int written = cipher.processBytes(ciphertext, offset, length, out, outOffset);
        try {
            return written + cipher.doFinal(out, outOffset + written);
        } catch (InvalidCipherTextException e) {
            // Bouncy Castle releases plaintext before it checks the tag: wipe it.
            Arrays.fill(out, outOffset, outOffset + length - algorithm.tagLength(), (byte) 0);
            throw TlsException.fatal(Reason.BAD_RECORD_MAC, algorithm + " record failed authentication");
        }
    }

    private void init(boolean encrypt, byte[] nonce, byte[] aad) {
        if (destroyed) {
            throw new IllegalStateException("AEAD used after destroy()");
        }
        if (nonce.length != algorithm.nonceLength()) {
            throw new IllegalArgumentException(algorithm + " needs a " + algorithm.nonceLength() + "-byte nonce");
        }
        cipher.init(encrypt, new AEADParameters(key, algorithm.tagLength() * 8, nonce, aad));
    }

    @Override
    public void destroy() {
        Arrays.fill(key.getKey(), (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "BcAead[" + algorithm + "]";
    }
}
