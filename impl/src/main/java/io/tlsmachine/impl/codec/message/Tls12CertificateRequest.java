package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.CertificateType;
import io.tlsmachine.impl.codec.types.HandshakeType;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import java.util.List;

/**
 * The TLS 1.2 CertificateRequest.
 *
 * <pre>
 * // RFC 5246 §7.4.4
 * opaque DistinguishedName&lt;1..2^16-1&gt;;
 * struct {
 *     ClientCertificateType certificate_types&lt;1..2^8-1&gt;;
 *     SignatureAndHashAlgorithm supported_signature_algorithms&lt;2^16-1&gt;;   // read as &lt;2..2^16-2&gt; (§7.4.1.4.1)
 *     DistinguishedName certificate_authorities&lt;0..2^16-1&gt;;
 * } CertificateRequest;
 * </pre>
 */
public record Tls12CertificateRequest(List<CertificateType> certificateTypes,
        List<SignatureScheme> supportedSignatureAlgorithms, List<Opaque> certificateAuthorities)
        implements HandshakeMessage {
    public Tls12CertificateRequest {
        certificateTypes = List.copyOf(certificateTypes);
        supportedSignatureAlgorithms = List.copyOf(supportedSignatureAlgorithms);
        certificateAuthorities = List.copyOf(certificateAuthorities);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void writeBody(ByteWriter out) {
        out.list8("CertificateRequest.certificate_types", 1, 0xFF, certificateTypes, (w, t) -> w.u8(t.code()));
        out.list16("CertificateRequest.supported_signature_algorithms", 2, 0xFFFE, supportedSignatureAlgorithms,
                (w, s) -> w.u16(s.code()));
        out.list16("CertificateRequest.certificate_authorities", 0, 0xFFFF, certificateAuthorities,
                (w, dn) -> w.opaque16("DistinguishedName", 1, 0xFFFF, dn));
    }

    /** Reads the body. */
    public static Tls12CertificateRequest decodeBody(ByteReader body) {
        List<CertificateType> types = body.list8("CertificateRequest.certificate_types", 1, 0xFF,
                r -> new CertificateType(r.u8("ClientCertificateType")));
        List<SignatureScheme> schemes = body.list16("CertificateRequest.supported_signature_algorithms", 2, 0xFFFE,
                r -> new SignatureScheme(r.u16("SignatureAndHashAlgorithm")));
        List<Opaque> authorities = body.list16("CertificateRequest.certificate_authorities", 0, 0xFFFF,
                r -> r.opaque16("CertificateRequest.DistinguishedName", 1, 0xFFFF));
        return new Tls12CertificateRequest(types, schemes, authorities);
    }
}
