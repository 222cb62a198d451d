package io.tlsmachine.impl.crypto.jdk;

import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * A raw symmetric key that is its own only copy: unlike {@link javax.crypto.spec.SecretKeySpec} (which clones the
 * bytes it is given and cannot be destroyed) it keeps the array it owns and wipes it in {@link #destroy()}. Providers
 * read it through {@link #getEncoded()}, which returns a fresh copy as the JCA contract asks.
 */
final class RawSecretKey implements SecretKey {
    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final byte[] bytes;
    private volatile boolean destroyed;

    /** Keeps {@code bytes} itself (the caller hands over the array). */
    RawSecretKey(String algorithm, byte[] bytes) {
        this.algorithm = algorithm;
        this.bytes = bytes;
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    @Override
    public byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException("key destroyed");
        }
        return bytes.clone();
    }

    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "RawSecretKey[" + algorithm + "]";
    }
}
