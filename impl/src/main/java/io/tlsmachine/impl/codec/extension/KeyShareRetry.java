package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.codec.types.NamedGroup;

/**
 * The HelloRetryRequest form of key_share: the group the client must send a share for.
 *
 * <pre>
 * // RFC 8446 §4.2.8
 * struct { NamedGroup selected_group; } KeyShareHelloRetryRequest;
 * </pre>
 */
public record KeyShareRetry(NamedGroup selectedGroup) implements Extension {
    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.u16(selectedGroup.code());
    }

    /** Reads the extension_data. */
    public static KeyShareRetry decode(ByteReader data) {
        return new KeyShareRetry(new NamedGroup(data.u16("key_share.selected_group")));
    }
}
