package io.tlsmachine.impl.crypto.jdk;

import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * An AEAD backed by the JDK: {@code AES/GCM/NoPadding} (RFC 5116 §5.1/§5.2) or
 * {@code ChaCha20-Poly1305} (RFC 8439 §2.8).
 *
 * <p>{@link #destroy()} wipes our copy of the key; the JCA cipher keeps its own expanded key until
 * it is garbage collected, which the JCA gives us no way to wipe.
 */
final class JdkAead implements Aead {
    private final AeadAlgorithm algorithm;
    /** Our only copy of the key (no separate byte[] beside a key spec). */
    private final RawSecretKey key;
    private final String transformation;
    /** Created on first use from the provider chosen once per transformation: an unused direction costs no Cipher. */
    private Cipher cipher;
    private byte[] lastChaChaNonce;
    private boolean destroyed;

    JdkAead(AeadAlgorithm algorithm, byte[] key) {
        if (key.length != algorithm.keyLength()) {
            throw new IllegalArgumentException(algorithm + " needs a " + algorithm.keyLength() + "-byte key");
        }
        this.algorithm = algorithm;
        boolean gcm = algorithm != AeadAlgorithm.CHACHA20_POLY1305;
        this.key = new RawSecretKey(gcm ? "AES" : "ChaCha20", key.clone());
        this.transformation = gcm ? Providers.AES_GCM : Providers.CHACHA20_POLY1305;
        Providers.of(transformation);
    }

    /**
     * The provider of each transformation, looked up once (in the JCA's preference order): a Cipher made for a known
     * provider skips the per-instance provider search and its lists, which an idle connection would otherwise hold.
     */
    private static final class Providers {
        static final String AES_GCM = "AES/GCM/NoPadding";
        static final String CHACHA20_POLY1305 = "ChaCha20-Poly1305";
        private static final java.util.Map<String, java.security.Provider> CHOSEN = new java.util.concurrent.ConcurrentHashMap<>();

        static java.security.Provider of(String transformation) {
            return CHOSEN.computeIfAbsent(transformation, t -> {
                try {
                    return Cipher.getInstance(t).getProvider();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("JDK lacks " + t, e);
                }
            });
        }
    }

    private Cipher cipher() throws GeneralSecurityException {
        if (cipher == null) {
            cipher = Cipher.getInstance(transformation, Providers.of(transformation));
        }
        return cipher;
    }

    @Override
    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length, byte[] out, int outOffset) {
        try {
            init(Cipher.ENCRYPT_MODE, nonce, aad);
            return cipher().doFinal(plaintext, offset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " encryption failed", e);
        }
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length, byte[] trailer,
            int trailerLength, byte[] out, int outOffset) {
        try {
            init(Cipher.ENCRYPT_MODE, nonce, aad);
            int written = cipher().update(plaintext, offset, length, out, outOffset);
            return written + cipher().doFinal(trailer, 0, trailerLength, out, outOffset + written);
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
            return cipher().doFinal(ciphertext, offset, length, out, outOffset);
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
                cipher().init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(other));
            }
            parameters = new IvParameterSpec(nonce);
            lastChaChaNonce = nonce.clone();
        } else {
            parameters = new GCMParameterSpec(algorithm.tagLength() * 8, nonce);
        }
        Cipher c = cipher();
        c.init(mode, key, parameters);
        c.updateAAD(aad);
    }

    @Override
    public void destroy() {
        key.destroy();
        cipher = null;
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
