package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;

/**
 * The DHE ClientKeyExchange: the client's public value, explicitly encoded.
 *
 * <pre>
 * // RFC 5246 §7.4.7.2
 * struct { select (PublicValueEncoding) { case explicit: opaque dh_Yc&lt;1..2^16-1&gt;; } dh_public; } ClientDiffieHellmanPublic;
 * </pre>
 */
public record DheClientKeyExchange(Opaque publicValue) implements ClientKeyExchange {
    @Override
    public void writeBody(ByteWriter out) {
        out.opaque16("ClientDiffieHellmanPublic.dh_Yc", 1, 0xFFFF, publicValue);
    }

    /** Reads the body. */
    public static DheClientKeyExchange decodeBody(ByteReader body) {
        return new DheClientKeyExchange(body.opaque16("ClientKeyExchange.dh_Yc", 1, 0xFFFF));
    }
}
