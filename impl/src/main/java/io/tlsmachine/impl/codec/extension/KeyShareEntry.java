package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.NamedGroup;

/**
 * One key share: a group and a public value of that group (public data).
 *
 * <pre>
 * // RFC 8446 §4.2.8
 * struct { NamedGroup group; opaque key_exchange&lt;1..2^16-1&gt;; } KeyShareEntry;
 * </pre>
 */
public record KeyShareEntry(NamedGroup group, Opaque keyExchange) {
    public KeyShareEntry {
        if (keyExchange.isEmpty() || keyExchange.length() > 0xFFFF) {
            throw new IllegalArgumentException("key_exchange length " + keyExchange.length());
        }
    }

    /** Writes the entry. */
    public void writeTo(ByteWriter out) {
        out.u16(group.code()).opaque16("KeyShareEntry.key_exchange", 1, 0xFFFF, keyExchange);
    }

    /** Reads one entry. */
    public static KeyShareEntry decode(ByteReader in) {
        NamedGroup group = new NamedGroup(in.u16("KeyShareEntry.group"));
        return new KeyShareEntry(group, in.opaque16("KeyShareEntry.key_exchange", 1, 0xFFFF));
    }
}
