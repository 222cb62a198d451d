package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;
import java.util.ArrayList;
import java.util.List;

/**
 * The server_name extension: the client's list of names, or the server's empty acknowledgement.
 *
 * <pre>
 * // RFC 6066 §3
 * struct { NameType name_type; select (name_type) { case host_name: HostName; } name; } ServerName;
 * enum { host_name(0), (255) } NameType;
 * opaque HostName&lt;1..2^16-1&gt;;
 * struct { ServerName server_name_list&lt;1..2^16-1&gt; } ServerNameList;
 * </pre>
 *
 * <p>In ServerHello (TLS 1.2) and EncryptedExtensions the extension_data is empty: that is an empty
 * {@link #names()}.
 */
public record ServerName(List<ServerNameEntry> names) implements Extension {
    public ServerName {
        names = List.copyOf(names);
    }

    /** Returns the server's empty acknowledgement. */
    public static ServerName acknowledgement() {
        return new ServerName(List.of());
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SERVER_NAME;
    }

    @Override
    public void writeData(ByteWriter out) {
        if (names.isEmpty()) {
            return;
        }
        out.prefixed16("server_name_list", 1, 0xFFFF, list -> {
            for (ServerNameEntry entry : names) {
                list.u8(entry.nameType()).opaque16("HostName", 1, 0xFFFF, entry.name());
            }
        });
    }

    /** Reads the ClientHello form (a non-empty list). */
    public static ServerName decodeList(ByteReader data) {
        ByteReader list = data.sub16("server_name.server_name_list", 1, 0xFFFF);
        List<ServerNameEntry> names = new ArrayList<>();
        while (list.hasRemaining()) {
            int nameType = list.u8("server_name.name_type");
            names.add(new ServerNameEntry(nameType, list.opaque16("server_name.HostName", 1, 0xFFFF)));
        }
        return new ServerName(names);
    }
}
