package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.codec.types.VersionCode;

/**
 * The ServerHello and HelloRetryRequest form of supported_versions: the version the server selected.
 *
 * <pre>
 * // RFC 8446 §4.2.1
 * struct { select (Handshake.msg_type) { case server_hello: ProtocolVersion selected_version; }; } SupportedVersions;
 * </pre>
 */
public record SupportedVersionSelected(VersionCode version) implements Extension {
    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_VERSIONS;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.u16(version.code());
    }

    /** Reads the extension_data. */
    public static SupportedVersionSelected decode(ByteReader data) {
        return new SupportedVersionSelected(new VersionCode(data.u16("supported_versions.selected_version")));
    }
}
