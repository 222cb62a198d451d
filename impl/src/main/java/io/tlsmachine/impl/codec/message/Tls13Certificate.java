package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.HandshakeType;
import java.util.List;

/**
 * The TLS 1.3 Certificate message: the request context (empty in the handshake) and the chain, leaf first.
 *
 * <pre>
 * // RFC 8446 §4.4.2
 * struct {
 *     opaque certificate_request_context&lt;0..2^8-1&gt;;
 *     CertificateEntry certificate_list&lt;0..2^24-1&gt;;
 * } Certificate;
 * </pre>
 */
public record Tls13Certificate(Opaque certificateRequestContext, List<CertificateEntry> entries)
        implements HandshakeMessage {
    public Tls13Certificate {
        entries = List.copyOf(entries);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void writeBody(ByteWriter out) {
        out.opaque8("Certificate.certificate_request_context", 0, 0xFF, certificateRequestContext);
        out.list24("Certificate.certificate_list", 0, 0xFFFFFF, entries, (w, e) -> e.writeTo(w));
    }

    /** Reads the body. */
    public static Tls13Certificate decodeBody(ByteReader body) {
        Opaque context = body.opaque8("Certificate.certificate_request_context", 0, 0xFF);
        return new Tls13Certificate(context,
                body.list24("Certificate.certificate_list", 0, 0xFFFFFF, CertificateEntry::decode));
    }
}
