package io.tlsmachine.impl.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * Secret bytes (a shared secret, a traffic secret, a key): opaque, destroyable, never printed.
 *
 * <p>{@link #bytes()} exposes the material to the crypto and key-schedule code that must feed it
 * to a primitive; callers must not keep or log the array.
 *
 * <p>Not final only so that a typed secret (a stage of the TLS 1.3 key schedule) can be one object with its bytes.
 */
public class Secret implements Destroyable {
    private final byte[] material;
    private boolean destroyed;

    /** Wraps {@code material} without copying: the subclass's constructor gives up the array. */
    protected Secret(byte[] material) {
        this.material = material;
    }

    /** Wraps a copy of {@code bytes}. */
    public static Secret copyOf(byte[] bytes) {
        return new Secret(bytes.clone());
    }

    /** Wraps {@code bytes} without copying; the caller gives up the array. */
    public static Secret adopt(byte[] bytes) {
        return new Secret(bytes);
    }

    /** Returns the secret material itself (not a copy). */
    public final byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("secret used after destroy()");
        }
        return material;
    }

    public final int length() {
        return material.length;
    }

    /** Compares in time that depends only on the lengths. */
    public final boolean equalsConstantTime(byte[] other) {
        return MessageDigest.isEqual(bytes(), other);
    }

    @Override
    public final void destroy() {
        Arrays.fill(material, (byte) 0);
        destroyed = true;
    }

    @Override
    public final boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return destroyed ? "Secret[destroyed]" : "Secret[" + material.length + " bytes]";
    }
}
