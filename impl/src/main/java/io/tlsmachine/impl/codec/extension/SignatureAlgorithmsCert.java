package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import java.util.List;

/**
 * The signature_algorithms_cert extension: schemes accepted in certificate signatures.
 *
 * <pre>
 * // RFC 8446 §4.2.3
 * struct { SignatureScheme supported_signature_algorithms&lt;2..2^16-2&gt;; } SignatureSchemeList;
 * </pre>
 */
public record SignatureAlgorithmsCert(List<SignatureScheme> schemes) implements Extension {
    public SignatureAlgorithmsCert {
        schemes = List.copyOf(schemes);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SIGNATURE_ALGORITHMS_CERT;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.list16("supported_signature_algorithms", 2, 0xFFFE, schemes, (w, s) -> w.u16(s.code()));
    }

    /** Reads the extension_data. */
    public static SignatureAlgorithmsCert decode(ByteReader data) {
        return new SignatureAlgorithmsCert(data.list16(
                "signature_algorithms_cert.supported_signature_algorithms", 2, 0xFFFE,
                r -> new SignatureScheme(r.u16("SignatureScheme"))));
    }
}
