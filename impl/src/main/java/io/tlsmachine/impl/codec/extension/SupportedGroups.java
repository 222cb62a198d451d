package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.codec.types.NamedGroup;
import java.util.List;

/**
 * The supported_groups extension (elliptic_curves in TLS 1.2): groups in preference order.
 *
 * <pre>
 * // RFC 8446 §4.2.7
 * struct { NamedGroup named_group_list&lt;2..2^16-1&gt;; } NamedGroupList;
 * </pre>
 */
public record SupportedGroups(List<NamedGroup> groups) implements Extension {
    public SupportedGroups {
        groups = List.copyOf(groups);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_GROUPS;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.list16("named_group_list", 2, 0xFFFF, groups, (w, g) -> w.u16(g.code()));
    }

    /** Reads the extension_data. */
    public static SupportedGroups decode(ByteReader data) {
        return new SupportedGroups(data.list16("supported_groups.named_group_list", 2, 0xFFFF,
                r -> new NamedGroup(r.u16("NamedGroup"))));
    }
}
