package io.tlsmachine.impl.codec.types;

/**
 * A protocol version code point (major, minor as one 16-bit value); unknown values such as
 * draft versions ({@code 0x7fNN}) or GREASE are kept as data.
 *
 * <pre>
 * // RFC 8446 §4.1.2, §4.2.1; RFC 5246 §6.2.1
 * uint16 ProtocolVersion;  // SSL 3.0 = 0x0300 ... TLS 1.3 = 0x0304
 * </pre>
 */
public record VersionCode(int code) {
    public static final VersionCode SSL30 = new VersionCode(0x0300);
    public static final VersionCode TLS10 = new VersionCode(0x0301);
    public static final VersionCode TLS11 = new VersionCode(0x0302);
    public static final VersionCode TLS12 = new VersionCode(0x0303);
    public static final VersionCode TLS13 = new VersionCode(0x0304);

    public VersionCode {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("ProtocolVersion out of range: " + code);
        }
    }

    /** Returns the RFC name of this code point, or {@code unknown(0xXXXX)}. */
    public String name() {
        return switch (code) {
            case 0x0300 -> "SSL 3.0";
            case 0x0301 -> "TLS 1.0";
            case 0x0302 -> "TLS 1.1";
            case 0x0303 -> "TLS 1.2";
            case 0x0304 -> "TLS 1.3";
            default -> String.format("unknown(0x%04X)", code);
        };
    }

    /** Whether this is a TLS 1.3 draft version {@code 0x7fNN} (as in the draft example traces). */
    public boolean isTls13Draft() {
        return (code & 0xFF00) == 0x7F00;
    }

    @Override
    public String toString() {
        return name();
    }
}
