package io.tlsmachine;

/**
 * A PSK key exchange mode code point; unknown values are kept as data.
 *
 * <pre>
 * // RFC 8446 §4.2.9
 * enum { psk_ke(0), psk_dhe_ke(1), (255) } PskKeyExchangeMode;
 * </pre>
 *
 * @param code the code point, 0 to 255
 */
public record PskKeyExchangeMode(int code) {
    /** The {@code psk_ke} mode (0): resumption by the PSK alone, without a fresh (EC)DHE exchange. */
    public static final PskKeyExchangeMode PSK_KE = new PskKeyExchangeMode(0x00);
    /** The {@code psk_dhe_ke} mode (1): the PSK together with a fresh (EC)DHE exchange, for forward secrecy. */
    public static final PskKeyExchangeMode PSK_DHE_KE = new PskKeyExchangeMode(0x01);

    /**
     * Checks that {@code code} fits in one byte.
     *
     * @param code the code point, 0 to 255
     */
    public PskKeyExchangeMode {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("PskKeyExchangeMode out of range: " + code);
        }
    }

    /** {@return the RFC name of this code point, or {@code unknown(0xXX)}} */
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
