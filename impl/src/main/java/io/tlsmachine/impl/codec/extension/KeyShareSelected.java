package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * The ServerHello form of key_share: the server's one share.
 *
 * <pre>
 * // RFC 8446 §4.2.8
 * struct { KeyShareEntry server_share; } KeyShareServerHello;
 * </pre>
 */
public record KeyShareSelected(KeyShareEntry share) implements Extension {
    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    @Override
    public void writeData(ByteWriter out) {
        share.writeTo(out);
    }

    /** Reads the extension_data. */
    public static KeyShareSelected decode(ByteReader data) {
        return new KeyShareSelected(KeyShareEntry.decode(data));
    }
}
