package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * The ClientHello padding extension; its bytes are kept as received so the ClientHello re-encodes exactly.
 *
 * <pre>
 * // RFC 7685 §3: extension_data consists of an arbitrary number of zero bytes.
 * </pre>
 *
 * <p>RFC 7685 §3 only obliges the client to send zeros; a server does not check them, nor does this decoder.
 */
public record Padding(Opaque bytes) implements Extension {
    /** Returns padding of {@code length} zero bytes. */
    public static Padding zeros(int length) {
        return new Padding(Opaque.of(new byte[length]));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PADDING;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.bytes(bytes);
    }

    /** Reads the extension_data. */
    public static Padding decode(ByteReader data) {
        return new Padding(data.restOpaque());
    }

    @Override
    public String toString() {
        return "Padding[" + bytes.length() + " bytes]";
    }
}
