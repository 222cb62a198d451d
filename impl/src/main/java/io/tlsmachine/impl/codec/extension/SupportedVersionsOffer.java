package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.List;

/**
 * The ClientHello form of supported_versions: the versions the client offers, in preference order.
 *
 * <pre>
 * // RFC 8446 §4.2.1
 * struct { select (Handshake.msg_type) { case client_hello: ProtocolVersion versions&lt;2..254&gt;; ... }; } SupportedVersions;
 * </pre>
 */
public record SupportedVersionsOffer(List<VersionCode> versions) implements Extension {
    public SupportedVersionsOffer {
        versions = List.copyOf(versions);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_VERSIONS;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.list8("supported_versions.versions", 2, 254, versions, (w, v) -> w.u16(v.code()));
    }

    /** Reads the extension_data. */
    public static SupportedVersionsOffer decode(ByteReader data) {
        return new SupportedVersionsOffer(data.list8("supported_versions.versions", 2, 254,
                r -> new VersionCode(r.u16("ProtocolVersion"))));
    }
}
