package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.ExtensionCodec;
import io.tlsmachine.impl.codec.extension.ExtensionContext;
import io.tlsmachine.impl.codec.types.HandshakeType;
import java.util.List;

/**
 * The TLS 1.3 NewSessionTicket, sent after the handshake.
 *
 * <pre>
 * // RFC 8446 §4.6.1
 * struct {
 *     uint32 ticket_lifetime;
 *     uint32 ticket_age_add;
 *     opaque ticket_nonce&lt;0..255&gt;;
 *     opaque ticket&lt;1..2^16-1&gt;;
 *     Extension extensions&lt;0..2^16-2&gt;;
 * } NewSessionTicket;
 * </pre>
 *
 * <p>RFC 8446 §4.6.1: a ticket_lifetime above seven days (604800 s) is a protocol error; the
 * engine checks it, the codec keeps the value. {@link #toString()} omits ticket_age_add (it hides
 * ticket ages from observers) and prints only the sizes of the nonce and ticket.
 */
public record Tls13NewSessionTicket(long ticketLifetime, long ticketAgeAdd, Opaque ticketNonce, Opaque ticket,
        List<Extension> extensions) implements HandshakeMessage, WithExtensions {
    public Tls13NewSessionTicket {
        extensions = List.copyOf(extensions);
        if (ticketLifetime < 0 || ticketLifetime > 0xFFFF_FFFFL || ticketAgeAdd < 0 || ticketAgeAdd > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("uint32 field out of range");
        }
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    @Override
    public void writeBody(ByteWriter out) {
        out.u32(ticketLifetime).u32(ticketAgeAdd);
        out.opaque8("NewSessionTicket.ticket_nonce", 0, 0xFF, ticketNonce);
        out.opaque16("NewSessionTicket.ticket", 1, 0xFFFF, ticket);
        ExtensionCodec.encodeBlock(out, extensions, "NewSessionTicket.extensions", 0, 0xFFFE);
    }

    /** Reads the body. */
    public static Tls13NewSessionTicket decodeBody(ByteReader body) {
        long lifetime = body.u32("NewSessionTicket.ticket_lifetime");
        long ageAdd = body.u32("NewSessionTicket.ticket_age_add");
        Opaque nonce = body.opaque8("NewSessionTicket.ticket_nonce", 0, 0xFF);
        Opaque ticket = body.opaque16("NewSessionTicket.ticket", 1, 0xFFFF);
        List<Extension> extensions =
                ExtensionCodec.decodeBlock(body, ExtensionContext.NEW_SESSION_TICKET, 0, 0xFFFE);
        return new Tls13NewSessionTicket(lifetime, ageAdd, nonce, ticket, extensions);
    }

    @Override
    public String toString() {
        return "Tls13NewSessionTicket[ticket_lifetime=" + ticketLifetime + ", " + ticketNonce.length()
                + "-byte nonce, " + ticket.length() + "-byte ticket, extensions=" + extensions + "]";
    }
}
