package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.HandshakeType;
import io.tlsmachine.impl.codec.types.SignatureScheme;

/**
 * The CertificateVerify of either version: a signature scheme and a signature.
 *
 * <pre>
 * // RFC 8446 §4.4.3
 * struct { SignatureScheme algorithm; opaque signature&lt;0..2^16-1&gt;; } CertificateVerify;
 * // RFC 5246 §7.4.8, §4.7: digitally-signed struct { ... } is SignatureAndHashAlgorithm
 * // followed by opaque signature&lt;0..2^16-1&gt;: the same bytes.
 * </pre>
 */
public record CertificateVerify(SignatureScheme algorithm, Opaque signature) implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_VERIFY;
    }

    @Override
    public void writeBody(ByteWriter out) {
        out.u16(algorithm.code()).opaque16("CertificateVerify.signature", 0, 0xFFFF, signature);
    }

    /** Reads the body. */
    public static CertificateVerify decodeBody(ByteReader body) {
        SignatureScheme algorithm = new SignatureScheme(body.u16("CertificateVerify.algorithm"));
        return new CertificateVerify(algorithm, body.opaque16("CertificateVerify.signature", 0, 0xFFFF));
    }
}
