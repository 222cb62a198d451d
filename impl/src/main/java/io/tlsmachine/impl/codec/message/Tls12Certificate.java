package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.HandshakeType;
import java.util.List;

/**
 * The TLS 1.2 Certificate message: a chain of DER certificates, leaf first (possibly empty from a client).
 *
 * <pre>
 * // RFC 5246 §7.4.2
 * opaque ASN.1Cert&lt;1..2^24-1&gt;;
 * struct { ASN.1Cert certificate_list&lt;0..2^24-1&gt;; } Certificate;
 * </pre>
 */
public record Tls12Certificate(List<Opaque> certificates) implements HandshakeMessage {
    public Tls12Certificate {
        certificates = List.copyOf(certificates);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void writeBody(ByteWriter out) {
        out.list24("Certificate.certificate_list", 0, 0xFFFFFF, certificates,
                (w, c) -> w.opaque24("ASN.1Cert", 1, 0xFFFFFF, c));
    }

    /** Reads the body. */
    public static Tls12Certificate decodeBody(ByteReader body) {
        return new Tls12Certificate(body.list24("Certificate.certificate_list", 0, 0xFFFFFF,
                r -> r.opaque24("Certificate.ASN.1Cert", 1, 0xFFFFFF)));
    }

    @Override
    public String toString() {
        return "Tls12Certificate[" + certificates.size() + " certificates]";
    }
}
