package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * The TLS 1.2 server's empty status_request in ServerHello: a CertificateStatus message will follow.
 *
 * <pre>
 * // RFC 6066 §8: the server returns "status_request" with empty extension_data.
 * </pre>
 */
public record StatusRequestAck() implements Extension {
    @Override
    public ExtensionType type() {
        return ExtensionType.STATUS_REQUEST;
    }

    @Override
    public void writeData(ByteWriter out) {
        // empty extension_data
    }
}
