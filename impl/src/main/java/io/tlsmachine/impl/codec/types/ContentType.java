package io.tlsmachine.impl.codec.types;

/**
 * A TLS record content type code point; unknown values are kept as data.
 *
 * <pre>
 * // RFC 8446 §5.1, RFC 6520 (heartbeat)
 * enum { invalid(0), change_cipher_spec(20), alert(21), handshake(22), application_data(23), heartbeat(24), (255) } ContentType;
 * </pre>
 */
public record ContentType(int code) {
    public static final ContentType INVALID = new ContentType(0x00);
    public static final ContentType CHANGE_CIPHER_SPEC = new ContentType(0x14);
    public static final ContentType ALERT = new ContentType(0x15);
    public static final ContentType HANDSHAKE = new ContentType(0x16);
    public static final ContentType APPLICATION_DATA = new ContentType(0x17);
    public static final ContentType HEARTBEAT = new ContentType(0x18);

    public ContentType {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("ContentType out of range: " + code);
        }
    }

    /** Returns the RFC name of this code point, or {@code unknown(0xXX)}. */
    public String name() {
        return switch (code) {
            case 0x00 -> "invalid";
            case 0x14 -> "change_cipher_spec";
            case 0x15 -> "alert";
            case 0x16 -> "handshake";
            case 0x17 -> "application_data";
            case 0x18 -> "heartbeat";
            default -> String.format("unknown(0x%02X)", code);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
