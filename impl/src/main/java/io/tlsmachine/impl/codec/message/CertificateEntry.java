package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.ExtensionCodec;
import io.tlsmachine.impl.codec.extension.ExtensionContext;
import java.util.List;

/**
 * One certificate of a TLS 1.3 Certificate message, with its own extensions (e.g. a stapled OCSP response).
 *
 * <pre>
 * // RFC 8446 §4.4.2
 * struct {
 *     select (certificate_type) { case RawPublicKey: opaque ASN1_subjectPublicKeyInfo&lt;1..2^24-1&gt;;
 *                                 case X509: opaque cert_data&lt;1..2^24-1&gt;; };
 *     Extension extensions&lt;0..2^16-1&gt;;
 * } CertificateEntry;
 * </pre>
 */
public record CertificateEntry(Opaque certData, List<Extension> extensions) implements WithExtensions {
    public CertificateEntry {
        extensions = List.copyOf(extensions);
    }

    /** Writes the entry. */
    public void writeTo(ByteWriter out) {
        out.opaque24("CertificateEntry.cert_data", 1, 0xFFFFFF, certData);
        ExtensionCodec.encodeBlock(out, extensions, "CertificateEntry.extensions", 0, 0xFFFF);
    }

    /** Reads one entry. */
    public static CertificateEntry decode(ByteReader in) {
        Opaque certData = in.opaque24("CertificateEntry.cert_data", 1, 0xFFFFFF);
        return new CertificateEntry(certData, ExtensionCodec.decodeBlock(in, ExtensionContext.CERTIFICATE, 0, 0xFFFF));
    }

    @Override
    public String toString() {
        return "CertificateEntry[" + certData.length() + " bytes, extensions=" + extensions + "]";
    }
}
