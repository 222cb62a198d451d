package io.tlsmachine.impl.crypto.jdk;

import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.error.Reason;
import io.tlsmachine.impl.error.TlsException;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AEAD backed by the JDK: {@code AES/GCM/NoPadding} (RFC 5116 §5.1/§5.2) or
 * {@code ChaCha20-Poly1305} (RFC 8439 §2.8).
 *
 * <p>{@link #destroy()} wipes our copy of the key; the JCA cipher keeps its own expanded key until
 * it is garbage collected, which the JCA gives us no way to wipe.
 */
final class JdkAead implements Aead {
    private final AeadAlgorithm algorithm;
    private final byte[] keyBytes;
    private final SecretKeySpec key;
    private final Cipher cipher;
    private byte[] lastChaChaNonce;
    private boolean destroyed;

    JdkAead(AeadAlgorithm algorithm, byte[] key) {
        if (key.length != algorithm.keyLength()) {
            throw new IllegalArgumentException(algorithm + " needs a " + algorithm.keyLength() + "-byte key");
        }
        this.algorithm = algorithm;
        this.keyBytes = key.clone();
        boolean gcm = algorithm != AeadAlgorithm.CHACHA20_POLY1305;
        this.key = new SecretKeySpec(keyBytes, gcm ? "AES" : "ChaCha20");
        try {
            this.cipher = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }

    @Override
    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length, byte[] out, int outOffset) {
        try {
            init(Cipher.ENCRYPT_MODE, nonce, aad);
            return cipher.doFinal(plaintext, offset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " encryption failed", e);
        }
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length, byte[] trailer,
            int trailerLength, byte[] out, int outOffset) {
        try {
            init(Cipher.ENCRYPT_MODE, nonce, aad);
            int written = cipher.update(plaintext, offset, length, out, outOffset);
            return written + cipher.doFinal(trailer, 0, trailerLength, out, outOffset + written);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " encryption failed", e);
        }
    }

    @Override
    public int open(byte[] nonce, byte[] aad, byte[] ciphertext, int offset, int length, byte[] out, int outOffset) {
        if (length < algorithm.tagLength()) {
            throw TlsException.fatal(Reason.BAD_RECORD_MAC, "ciphertext shorter than tag");
        }
        try {
            init(Cipher.DECRYPT_MODE, nonce, aad);
            return cipher.doFinal(ciphertext, offset, length, out, outOffset);
        } catch (AEADBadTagException e) {
            throw TlsException.fatal(Reason.BAD_RECORD_MAC, algorithm + " record failed authentication");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " decryption failed", e);
        }
    }

    private void init(int mode, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        if (destroyed) {
            throw new IllegalStateException("AEAD used after destroy()");
        }
        if (nonce.length != algorithm.nonceLength()) {
            throw new IllegalArgumentException(algorithm + " needs a " + algorithm.nonceLength() + "-byte nonce");
        }
        AlgorithmParameterSpec parameters;
        if (algorithm == AeadAlgorithm.CHACHA20_POLY1305) {
            if (mode == Cipher.DECRYPT_MODE && Arrays.equals(nonce, lastChaChaNonce)) {
                // JDK 17 refuses any re-init with the previous key and nonce, even to decrypt (a retry,
                // or opening what we sealed); step through another nonce first.
                byte[] other = nonce.clone();
                other[0] ^= 1;
                cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(other));
            }
            parameters = new IvParameterSpec(nonce);
            lastChaChaNonce = nonce.clone();
        } else {
            parameters = new GCMParameterSpec(algorithm.tagLength() * 8, nonce);
        }
        cipher.init(mode, key, parameters);
        cipher.updateAAD(aad);
    }

    @Override
    public void destroy() {
        Arrays.fill(keyBytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "JdkAead[" + algorithm + "]";
    }
}
