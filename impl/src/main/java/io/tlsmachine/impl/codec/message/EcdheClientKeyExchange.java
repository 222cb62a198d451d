package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;

/**
 * The ECDHE ClientKeyExchange: the client's ephemeral public point.
 *
 * <pre>
 * // RFC 8422 §5.7
 * struct { ECPoint ecdh_Yc; } ClientECDiffieHellmanPublic;   // opaque point&lt;1..2^8-1&gt;
 * </pre>
 */
public record EcdheClientKeyExchange(Opaque publicPoint) implements ClientKeyExchange {
    @Override
    public void writeBody(ByteWriter out) {
        out.opaque8("ClientECDiffieHellmanPublic.ecdh_Yc", 1, 0xFF, publicPoint);
    }

    /** Reads the body. */
    public static EcdheClientKeyExchange decodeBody(ByteReader body) {
        return new EcdheClientKeyExchange(body.opaque8("ClientKeyExchange.ecdh_Yc", 1, 0xFF));
    }
}
