package io.tlsmachine;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;

/**
 * An alert record's content: level and description (not a handshake message).
 *
 * <pre>
 * // RFC 8446 §6, RFC 5246 §7.2
 * struct { AlertLevel level; AlertDescription description; } Alert;
 * </pre>
 *
 * <p>Unknown levels and descriptions are kept as data; what they mean is the engine's decision
 * (RFC 8446 §6: in TLS 1.3 the level is ignored except for close_notify and user_canceled).
 *
 * @param level warning or fatal (a TLS 1.3 receiver reads every alert but close_notify and user_canceled as fatal)
 * @param description what the alert says
 */
public record Alert(AlertLevel level, AlertDescription description) {
    /**
     * {@return a fatal alert with the given description}
     * @param description what went wrong
     */
    public static Alert fatal(AlertDescription description) {
        return new Alert(AlertLevel.FATAL, description);
    }

    /** {@return the two-byte record content} */
    public byte[] encode() {
        return new ByteWriter(2).u8(level.code()).u8(description.code()).toByteArray();
    }

    /**
     * Reads an alert record fragment of exactly two bytes.
     * @param fragment the alert record's content
     * @return the alert it holds
     */
    public static Alert decode(byte[] fragment) {
        ByteReader in = ByteReader.of(fragment);
        AlertLevel level = new AlertLevel(in.u8("Alert.level"));
        AlertDescription description = new AlertDescription(in.u8("Alert.description"));
        in.expectEmpty("Alert");
        return new Alert(level, description);
    }

    /** Returns e.g. {@code fatal handshake_failure (40)}: level, RFC name and code. */
    @Override
    public String toString() {
        return level + " " + description + " (" + description.code() + ")";
    }
}
