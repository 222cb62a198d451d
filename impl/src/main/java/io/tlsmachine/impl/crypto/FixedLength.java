package io.tlsmachine.impl.crypto;

import java.math.BigInteger;

/** Fixed-length big- and little-endian encodings of non-negative integers. */
public final class FixedLength {
    private FixedLength() {}

    /** Encodes {@code value} big-endian, left-padded with zeros to exactly {@code length} bytes. */
    public static byte[] bigEndian(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        int start = 0;
        while (start < raw.length - 1 && raw[start] == 0) {
            start++;
        }
        int significant = raw.length - start;
        if (value.signum() < 0 || significant > length) {
            throw new IllegalArgumentException("value does not fit in " + length + " bytes");
        }
        byte[] out = new byte[length];
        System.arraycopy(raw, start, out, length - significant, significant);
        return out;
    }

    /** Left-pads {@code bytes} with zeros to {@code length} (for results with leading zeros stripped). */
    public static byte[] leftPad(byte[] bytes, int length) {
        if (bytes.length == length) {
            return bytes;
        }
        return bigEndian(new BigInteger(1, bytes), length);
    }

    /** Encodes {@code value} little-endian in exactly {@code length} bytes (RFC 7748 §5). */
    public static byte[] littleEndian(BigInteger value, int length) {
        byte[] out = bigEndian(value, length);
        reverse(out);
        return out;
    }

    /** Decodes little-endian bytes as a non-negative integer (RFC 7748 §5 decodeLittleEndian). */
    public static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] copy = bytes.clone();
        reverse(copy);
        return new BigInteger(1, copy);
    }

    private static void reverse(byte[] bytes) {
        for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
    }
}
