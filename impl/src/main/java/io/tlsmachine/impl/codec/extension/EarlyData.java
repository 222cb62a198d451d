package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * The early_data indication of ClientHello (0-RTT data follows) and EncryptedExtensions (it was accepted).
 *
 * <pre>
 * // RFC 8446 §4.2.10
 * struct {} Empty;
 * struct { select (Handshake.msg_type) { ... case client_hello: Empty; case encrypted_extensions: Empty; }; } EarlyDataIndication;
 * </pre>
 */
public record EarlyData() implements Extension {
    @Override
    public ExtensionType type() {
        return ExtensionType.EARLY_DATA;
    }

    @Override
    public void writeData(ByteWriter out) {
        // empty extension_data
    }
}
