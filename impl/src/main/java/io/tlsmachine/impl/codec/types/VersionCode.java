package io.tlsmachine.impl.codec.types;

import io.tlsmachine.model.ProtocolVersion;
import java.util.Optional;

/**
 * A version code point on the wire, the RFC's {@code uint16 ProtocolVersion} (major, minor as one 16-bit value): any
 * value, so unknown ones such as draft versions ({@code 0x7fNN}) or GREASE are kept as data. The version a connection
 * negotiates is the model's {@link ProtocolVersion}; {@link #of} and {@link #version} convert between the two, here
 * and nowhere else.
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
    public static final VersionCode TLS12 = new VersionCode(ProtocolVersion.TLS12.code());
    public static final VersionCode TLS13 = new VersionCode(ProtocolVersion.TLS13.code());

    public VersionCode {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("version code out of range: " + code);
        }
    }

    /** The code point of a version we negotiate. */
    public static VersionCode of(ProtocolVersion version) {
        return version == ProtocolVersion.TLS13 ? TLS13 : TLS12;
    }

    /** The version we negotiate that this code point names; empty for any other (SSL 3.0, TLS 1.0/1.1, drafts, GREASE). */
    public Optional<ProtocolVersion> version() {
        for (ProtocolVersion version : ProtocolVersion.values()) {
            if (version.code() == code) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
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
