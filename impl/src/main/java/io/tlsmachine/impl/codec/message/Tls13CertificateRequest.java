package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.ExtensionCodec;
import io.tlsmachine.impl.codec.extension.ExtensionContext;
import io.tlsmachine.impl.codec.types.HandshakeType;
import java.util.List;

/**
 * The TLS 1.3 CertificateRequest (in the handshake, or after it with post_handshake_auth).
 *
 * <pre>
 * // RFC 8446 §4.3.2
 * struct {
 *     opaque certificate_request_context&lt;0..2^8-1&gt;;
 *     Extension extensions&lt;2..2^16-1&gt;;
 * } CertificateRequest;
 * </pre>
 */
public record Tls13CertificateRequest(Opaque certificateRequestContext, List<Extension> extensions)
        implements HandshakeMessage, WithExtensions {
    public Tls13CertificateRequest {
        extensions = List.copyOf(extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void writeBody(ByteWriter out) {
        out.opaque8("CertificateRequest.certificate_request_context", 0, 0xFF, certificateRequestContext);
        ExtensionCodec.encodeBlock(out, extensions, "CertificateRequest.extensions", 2, 0xFFFF);
    }

    /** Reads the body. */
    public static Tls13CertificateRequest decodeBody(ByteReader body) {
        Opaque context = body.opaque8("CertificateRequest.certificate_request_context", 0, 0xFF);
        return new Tls13CertificateRequest(context,
                ExtensionCodec.decodeBlock(body, ExtensionContext.CERTIFICATE_REQUEST, 2, 0xFFFF));
    }
}
