package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;

/**
 * One offered PSK identity (a ticket or external identity) and its obfuscated ticket age.
 *
 * <pre>
 * // RFC 8446 §4.2.11
 * struct { opaque identity&lt;1..2^16-1&gt;; uint32 obfuscated_ticket_age; } PskIdentity;
 * </pre>
 */
public record PskIdentity(Opaque identity, long obfuscatedTicketAge) {
    public PskIdentity {
        if (identity.isEmpty() || identity.length() > 0xFFFF) {
            throw new IllegalArgumentException("identity length " + identity.length());
        }
        if (obfuscatedTicketAge < 0 || obfuscatedTicketAge > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("obfuscated_ticket_age out of range");
        }
    }

    /** Writes the identity. */
    public void writeTo(ByteWriter out) {
        out.opaque16("PskIdentity.identity", 1, 0xFFFF, identity).u32(obfuscatedTicketAge);
    }

    /** Reads one identity. */
    public static PskIdentity decode(ByteReader in) {
        Opaque identity = in.opaque16("PskIdentity.identity", 1, 0xFFFF);
        return new PskIdentity(identity, in.u32("PskIdentity.obfuscated_ticket_age"));
    }

    @Override
    public String toString() {
        return "PskIdentity[" + identity.length() + " bytes, obfuscated_ticket_age=" + obfuscatedTicketAge + "]";
    }
}
