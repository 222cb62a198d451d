package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ECPointFormat;
import io.tlsmachine.impl.codec.types.ExtensionType;
import java.util.List;

/**
 * The TLS 1.2 ec_point_formats extension.
 *
 * <pre>
 * // RFC 4492 §5.1.2, RFC 8422 §5.1.2
 * struct { ECPointFormat ec_point_format_list&lt;1..2^8-1&gt; } ECPointFormatList;
 * </pre>
 */
public record EcPointFormats(List<ECPointFormat> formats) implements Extension {
    public EcPointFormats {
        formats = List.copyOf(formats);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EC_POINT_FORMATS;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.list8("ec_point_format_list", 1, 0xFF, formats, (w, f) -> w.u8(f.code()));
    }

    /** Reads the extension_data. */
    public static EcPointFormats decode(ByteReader data) {
        return new EcPointFormats(data.list8("ec_point_formats.ec_point_format_list", 1, 0xFF,
                r -> new ECPointFormat(r.u8("ECPointFormat"))));
    }
}
