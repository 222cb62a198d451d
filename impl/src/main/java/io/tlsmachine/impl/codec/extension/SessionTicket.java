package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * The TLS 1.2 session_ticket extension: the client's ticket (empty to ask for one), or the server's
 * empty promise to send a NewSessionTicket.
 *
 * <pre>
 * // RFC 5077 §3.2: extension_data is the opaque ticket itself (no inner length), possibly empty.
 * </pre>
 */
public record SessionTicket(Opaque ticket) implements Extension {
    @Override
    public ExtensionType type() {
        return ExtensionType.SESSION_TICKET;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.bytes(ticket);
    }

    /** Reads the extension_data. */
    public static SessionTicket decode(ByteReader data) {
        return new SessionTicket(data.restOpaque());
    }
}
