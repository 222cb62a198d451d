package io.tlsmachine;

/**
 * A PSK key exchange mode code point; unknown values are kept as data.
 *
 * <pre>
 * // RFC 8446 §4.2.9
 * enum { psk_ke(0), psk_dhe_ke(1), (255) } PskKeyExchangeMode;
 * </pre>
 */
public record PskKeyExchangeMode(int code) {
    public static final PskKeyExchangeMode PSK_KE = new PskKeyExchangeMode(0x00);
    public static final PskKeyExchangeMode PSK_DHE_KE = new PskKeyExchangeMode(0x01);

    public PskKeyExchangeMode {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("PskKeyExchangeMode out of range: " + code);
        }
    }

    /** Returns the RFC name of this code point, or {@code unknown(0xXX)}. */
    public String name() {
        return switch (code) {
            case 0x00 -> "psk_ke";
            case 0x01 -> "psk_dhe_ke";
            default -> String.format("unknown(0x%02X)", code);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
