package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * The cookie extension: sent by the server in HelloRetryRequest, echoed by the client.
 *
 * <pre>
 * // RFC 8446 §4.2.2
 * struct { opaque cookie&lt;1..2^16-1&gt;; } Cookie;
 * </pre>
 */
public record Cookie(Opaque cookie) implements Extension {
    @Override
    public ExtensionType type() {
        return ExtensionType.COOKIE;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.opaque16("cookie", 1, 0xFFFF, cookie);
    }

    /** Reads the extension_data. */
    public static Cookie decode(ByteReader data) {
        return new Cookie(data.opaque16("cookie.cookie", 1, 0xFFFF));
    }
}
