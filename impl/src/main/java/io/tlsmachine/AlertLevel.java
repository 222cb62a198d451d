package io.tlsmachine;

/**
 * An alert level code point; unknown values are kept as data (RFC 8446 §6 treats every
 * TLS 1.3 alert as fatal except close_notify and user_canceled, whatever the level says).
 *
 * <pre>
 * // RFC 8446 §6, RFC 5246 §7.2
 * enum { warning(1), fatal(2), (255) } AlertLevel;
 * </pre>
 *
 * @param code the code point, 0 to 255
 */
public record AlertLevel(int code) {
    /** The {@code warning} level (1): a TLS 1.2 alert the peer may continue after. */
    public static final AlertLevel WARNING = new AlertLevel(0x01);
    /** The {@code fatal} level (2): the connection ends at once. */
    public static final AlertLevel FATAL = new AlertLevel(0x02);

    /**
     * Checks that {@code code} fits in one byte.
     *
     * @param code the code point, 0 to 255
     */
    public AlertLevel {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("AlertLevel out of range: " + code);
        }
    }

    /** {@return the RFC name of this code point, or {@code unknown(0xXX)}} */
    public String name() {
        return switch (code) {
            case 0x01 -> "warning";
            case 0x02 -> "fatal";
            default -> String.format("unknown(0x%02X)", code);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
