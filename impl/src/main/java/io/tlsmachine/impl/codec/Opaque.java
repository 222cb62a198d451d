package io.tlsmachine.impl.codec;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string for {@code opaque} wire fields, with value equality and a hex {@code toString}.
 *
 * <p>Message records hold their byte fields as {@code Opaque}, so they compare, hash and print as
 * values, and nobody can change a decoded message behind the transcript's back. The bytes are
 * copied in and copied out. {@link #toString()} prints hex: records that hold secret-ish bytes
 * (Finished.verify_data, PSK binders) override their own {@code toString} to hide them.
 */
public final class Opaque {
    /** The empty byte string. */
    public static final Opaque EMPTY = new Opaque(new byte[0]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Opaque(byte[] owned) {
        this.bytes = owned;
    }

    /** Returns a byte string holding a copy of {@code bytes}. */
    public static Opaque of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Opaque(bytes.clone());
    }

    /** Returns a byte string of the given bytes, each given as an int in {@code [0, 255]}. */
    public static Opaque ofUnsigned(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFF) {
                throw new IllegalArgumentException("not a byte: " + values[i]);
            }
            bytes[i] = (byte) values[i];
        }
        return new Opaque(bytes);
    }

    /** Returns the byte string written in hex (whitespace allowed). */
    public static Opaque ofHex(String hex) {
        return new Opaque(HEX.parseHex(hex.replaceAll("\\s+", "")));
    }

    /** Takes ownership of {@code bytes} without copying; only for codecs that just allocated them. */
    static Opaque wrap(byte[] bytes) {
        return new Opaque(bytes);
    }

    /** Returns a copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Returns the number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** Whether the byte string is empty. */
    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** Returns the byte at {@code index} as an unsigned value. */
    public int unsignedByteAt(int index) {
        return bytes[index] & 0xFF;
    }

    /** Compares with {@code other} in constant time for equal lengths (for MACs and verify_data). */
    public boolean constantTimeEquals(Opaque other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    /** Writes the bytes (no length prefix) to {@code writer}. */
    public void writeTo(ByteWriter writer) {
        writer.bytes(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Opaque that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Returns the bytes in lower-case hex. */
    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
