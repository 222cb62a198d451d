package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * The empty status_request: a TLS 1.2 ServerHello's promise of a CertificateStatus message, or a
 * TLS 1.3 CertificateRequest asking the client to staple an OCSP response.
 *
 * <pre>
 * // RFC 6066 §8: the server returns "status_request" with empty extension_data.
 * // RFC 8446 §4.4.2.1: "A server MAY request that a client present an OCSP response with its
 * // certificate by sending an empty "status_request" extension in its CertificateRequest message."
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
