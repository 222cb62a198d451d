package io.tlsmachine.impl.codec.types;

/**
 * An elliptic curve point format code point (TLS 1.2 ec_point_formats); unknown values are kept as data.
 *
 * <pre>
 * // RFC 4492 §5.1.2, RFC 8422 §5.1.2
 * enum { uncompressed(0), ansiX962_compressed_prime(1), ansiX962_compressed_char2(2), (255) } ECPointFormat;
 * </pre>
 */
public record ECPointFormat(int code) {
    public static final ECPointFormat UNCOMPRESSED = new ECPointFormat(0x00);
    public static final ECPointFormat ANSIX962_COMPRESSED_PRIME = new ECPointFormat(0x01);
    public static final ECPointFormat ANSIX962_COMPRESSED_CHAR2 = new ECPointFormat(0x02);

    public ECPointFormat {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("ECPointFormat out of range: " + code);
        }
    }

    /** Returns the RFC name of this code point, or {@code unknown(0xXX)}. */
    public String name() {
        return switch (code) {
            case 0x00 -> "uncompressed";
            case 0x01 -> "ansiX962_compressed_prime";
            case 0x02 -> "ansiX962_compressed_char2";
            default -> String.format("unknown(0x%02X)", code);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
