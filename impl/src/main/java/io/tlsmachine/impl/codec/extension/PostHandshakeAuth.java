package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * The post_handshake_auth extension: the client accepts a CertificateRequest after the handshake.
 *
 * <pre>
 * // RFC 8446 §4.2.6
 * struct {} PostHandshakeAuth;
 * </pre>
 */
public record PostHandshakeAuth() implements Extension {
    @Override
    public ExtensionType type() {
        return ExtensionType.POST_HANDSHAKE_AUTH;
    }

    @Override
    public void writeData(ByteWriter out) {
        // empty extension_data
    }
}
