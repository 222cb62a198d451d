package io.tlsmachine;

/**
 * An alert level code point; unknown values are kept as data (RFC 8446 §6 treats every
 * TLS 1.3 alert as fatal except close_notify and user_canceled, whatever the level says).
 *
 * <pre>
 * // RFC 8446 §6, RFC 5246 §7.2
 * enum { warning(1), fatal(2), (255) } AlertLevel;
 * </pre>
 */
public record AlertLevel(int code) {
    public static final AlertLevel WARNING = new AlertLevel(0x01);
    public static final AlertLevel FATAL = new AlertLevel(0x02);

    public AlertLevel {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("AlertLevel out of range: " + code);
        }
    }

    /** Returns the RFC name of this code point, or {@code unknown(0xXX)}. */
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
