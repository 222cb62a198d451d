package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.HandshakeType;

/**
 * The TLS 1.2 NewSessionTicket of RFC 5077, sent before the server's ChangeCipherSpec.
 *
 * <pre>
 * // RFC 5077 §3.3
 * struct { uint32 ticket_lifetime_hint; opaque ticket&lt;0..2^16-1&gt;; } NewSessionTicket;
 * </pre>
 */
public record Tls12NewSessionTicket(long ticketLifetimeHint, Opaque ticket) implements HandshakeMessage {
    public Tls12NewSessionTicket {
        if (ticketLifetimeHint < 0 || ticketLifetimeHint > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ticket_lifetime_hint out of range");
        }
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    @Override
    public void writeBody(ByteWriter out) {
        out.u32(ticketLifetimeHint).opaque16("NewSessionTicket.ticket", 0, 0xFFFF, ticket);
    }

    /** Reads the body. */
    public static Tls12NewSessionTicket decodeBody(ByteReader body) {
        long hint = body.u32("NewSessionTicket.ticket_lifetime_hint");
        return new Tls12NewSessionTicket(hint, body.opaque16("NewSessionTicket.ticket", 0, 0xFFFF));
    }
}
