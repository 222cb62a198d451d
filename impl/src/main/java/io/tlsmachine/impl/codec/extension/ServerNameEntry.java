package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.Opaque;
import java.nio.charset.StandardCharsets;

/**
 * One entry of a server_name list: its name type and name bytes.
 *
 * <p>RFC 6066 §3 defines only {@code host_name(0)}, an ASCII DNS name without a trailing dot; other
 * types are kept as data in the same {@code opaque<1..2^16-1>} shape, as the RFC's structure would
 * give them.
 */
public record ServerNameEntry(int nameType, Opaque name) {
    public static final int HOST_NAME = 0;

    public ServerNameEntry {
        if (nameType < 0 || nameType > 0xFF || name.isEmpty() || name.length() > 0xFFFF) {
            throw new IllegalArgumentException("bad server name entry");
        }
    }

    /** Returns a host_name entry for an ASCII host name. */
    public static ServerNameEntry hostName(String hostName) {
        return new ServerNameEntry(HOST_NAME, Opaque.of(hostName.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Returns the name as ASCII text. */
    public String nameAsAscii() {
        return new String(name.toByteArray(), StandardCharsets.US_ASCII);
    }
}
