package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * The extended_master_secret extension (TLS 1.2): the master secret covers the session hash.
 *
 * <pre>
 * // RFC 7627 §5.1: the "extension_data" field of this extension is empty.
 * </pre>
 */
public record ExtendedMasterSecret() implements Extension {
    @Override
    public ExtensionType type() {
        return ExtensionType.EXTENDED_MASTER_SECRET;
    }

    @Override
    public void writeData(ByteWriter out) {
        // empty extension_data
    }
}
