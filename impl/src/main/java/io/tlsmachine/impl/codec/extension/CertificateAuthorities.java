package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.ExtensionType;
import java.util.List;

/**
 * The certificate_authorities extension: DER distinguished names of acceptable CAs.
 *
 * <pre>
 * // RFC 8446 §4.2.4
 * opaque DistinguishedName&lt;1..2^16-1&gt;;
 * struct { DistinguishedName authorities&lt;3..2^16-1&gt;; } CertificateAuthoritiesExtension;
 * </pre>
 */
public record CertificateAuthorities(List<Opaque> authorities) implements Extension {
    public CertificateAuthorities {
        authorities = List.copyOf(authorities);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.CERTIFICATE_AUTHORITIES;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.list16("authorities", 3, 0xFFFF, authorities, (w, a) -> w.opaque16("DistinguishedName", 1, 0xFFFF, a));
    }

    /** Reads the extension_data. */
    public static CertificateAuthorities decode(ByteReader data) {
        return new CertificateAuthorities(data.list16("certificate_authorities.authorities", 3, 0xFFFF,
                r -> r.opaque16("certificate_authorities.DistinguishedName", 1, 0xFFFF)));
    }
}
