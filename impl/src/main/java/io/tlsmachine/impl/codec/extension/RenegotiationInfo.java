package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * The renegotiation_info extension: empty on an initial handshake, the previous verify_data on a renegotiation.
 *
 * <pre>
 * // RFC 5746 §3.2
 * struct { opaque renegotiated_connection&lt;0..255&gt;; } RenegotiationInfo;
 * </pre>
 */
public record RenegotiationInfo(Opaque renegotiatedConnection) implements Extension {
    /** Returns the initial-handshake form (empty renegotiated_connection). */
    public static RenegotiationInfo initial() {
        return new RenegotiationInfo(Opaque.EMPTY);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.RENEGOTIATION_INFO;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.opaque8("renegotiated_connection", 0, 0xFF, renegotiatedConnection);
    }

    /** Reads the extension_data. */
    public static RenegotiationInfo decode(ByteReader data) {
        return new RenegotiationInfo(data.opaque8("renegotiation_info.renegotiated_connection", 0, 0xFF));
    }

    @Override
    public String toString() {
        return "RenegotiationInfo[" + renegotiatedConnection.length() + " bytes]";
    }
}
