package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * The ServerHello form of pre_shared_key: the index of the identity the server accepted.
 *
 * <pre>
 * // RFC 8446 §4.2.11
 * struct { select (Handshake.msg_type) { ... case server_hello: uint16 selected_identity; }; } PreSharedKeyExtension;
 * </pre>
 */
public record PreSharedKeySelected(int selectedIdentity) implements Extension {
    public PreSharedKeySelected {
        if (selectedIdentity < 0 || selectedIdentity > 0xFFFF) {
            throw new IllegalArgumentException("selected_identity out of range: " + selectedIdentity);
        }
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PRE_SHARED_KEY;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.u16(selectedIdentity);
    }

    /** Reads the extension_data. */
    public static PreSharedKeySelected decode(ByteReader data) {
        return new PreSharedKeySelected(data.u16("pre_shared_key.selected_identity"));
    }
}
