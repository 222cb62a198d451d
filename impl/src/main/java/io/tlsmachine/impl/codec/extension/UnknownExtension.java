package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * An extension we do not interpret (unknown type, GREASE, a known type we have no record for, or a known
 * type in a message that may not carry it), kept with its exact data so the message re-encodes byte for byte.
 *
 * <p>RFC 8446 §4.2: unrecognised extensions in a ClientHello are ignored; in a response the extension
 * table check answers them with unsupported_extension, and a misplaced known type with illegal_parameter.
 */
public record UnknownExtension(ExtensionType type, Opaque data) implements Extension {
    @Override
    public void writeData(ByteWriter out) {
        out.bytes(data);
    }
}
