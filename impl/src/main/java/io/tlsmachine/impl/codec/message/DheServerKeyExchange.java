package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.SignatureScheme;

/**
 * The DHE ServerKeyExchange: prime, generator, the server's public value, and the signature.
 *
 * <pre>
 * // RFC 5246 §7.4.3
 * struct { opaque dh_p&lt;1..2^16-1&gt;; opaque dh_g&lt;1..2^16-1&gt;; opaque dh_Ys&lt;1..2^16-1&gt;; } ServerDHParams;
 * </pre>
 *
 * <p>RFC 7919 §3: a client should check that (p, g) is one of the named groups; that is the
 * engine's job, not the codec's.
 */
public record DheServerKeyExchange(Opaque p, Opaque g, Opaque ys, SignatureScheme algorithm, Opaque signature)
        implements ServerKeyExchange {

    @Override
    public void writeParams(ByteWriter out) {
        out.opaque16("ServerDHParams.dh_p", 1, 0xFFFF, p);
        out.opaque16("ServerDHParams.dh_g", 1, 0xFFFF, g);
        out.opaque16("ServerDHParams.dh_Ys", 1, 0xFFFF, ys);
    }

    /** Reads the body. */
    public static DheServerKeyExchange decodeBody(ByteReader body) {
        Opaque p = body.opaque16("ServerKeyExchange.dh_p", 1, 0xFFFF);
        Opaque g = body.opaque16("ServerKeyExchange.dh_g", 1, 0xFFFF);
        Opaque ys = body.opaque16("ServerKeyExchange.dh_Ys", 1, 0xFFFF);
        SignatureScheme algorithm = new SignatureScheme(body.u16("ServerKeyExchange.algorithm"));
        return new DheServerKeyExchange(p, g, ys, algorithm, body.opaque16("ServerKeyExchange.signature", 0, 0xFFFF));
    }
}
