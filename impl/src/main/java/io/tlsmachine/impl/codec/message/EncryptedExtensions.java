package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.ExtensionCodec;
import io.tlsmachine.impl.codec.extension.ExtensionContext;
import io.tlsmachine.impl.codec.types.HandshakeType;
import java.util.List;

/**
 * The TLS 1.3 EncryptedExtensions: the server's responses not needed to establish keys.
 *
 * <pre>
 * // RFC 8446 §4.3.1
 * struct { Extension extensions&lt;0..2^16-1&gt;; } EncryptedExtensions;
 * </pre>
 */
public record EncryptedExtensions(List<Extension> extensions) implements HandshakeMessage, WithExtensions {
    public EncryptedExtensions {
        extensions = List.copyOf(extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.ENCRYPTED_EXTENSIONS;
    }

    @Override
    public void writeBody(ByteWriter out) {
        ExtensionCodec.encodeBlock(out, extensions, "EncryptedExtensions.extensions", 0, 0xFFFF);
    }

    /** Reads the body. */
    public static EncryptedExtensions decodeBody(ByteReader body) {
        return new EncryptedExtensions(
                ExtensionCodec.decodeBlock(body, ExtensionContext.ENCRYPTED_EXTENSIONS, 0, 0xFFFF));
    }
}
