package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.Reason;

/**
 * The ECDHE ServerKeyExchange: a named curve, the server's public point, and the signature.
 *
 * <pre>
 * // RFC 8422 §5.4
 * enum { explicit_prime(1), explicit_char2(2), named_curve(3), (255) } ECCurveType;  // only named_curve remains
 * struct { ECCurveType curve_type; NamedCurve namedcurve; } ECParameters;
 * struct { opaque point&lt;1..2^8-1&gt;; } ECPoint;
 * struct { ECParameters curve_params; ECPoint public; } ServerECDHParams;
 * </pre>
 *
 * <p>RFC 8422 §5.4 deprecates explicit curves; any curve_type but named_curve is illegal_parameter.
 */
public record EcdheServerKeyExchange(NamedGroup namedCurve, Opaque publicPoint, SignatureScheme algorithm,
        Opaque signature) implements ServerKeyExchange {
    /** RFC 8422 §5.4: ECCurveType named_curve. */
    public static final int NAMED_CURVE = 3;

    @Override
    public void writeParams(ByteWriter out) {
        out.u8(NAMED_CURVE).u16(namedCurve.code());
        out.opaque8("ServerECDHParams.public.point", 1, 0xFF, publicPoint);
    }

    /** Reads the body. */
    public static EcdheServerKeyExchange decodeBody(ByteReader body) {
        int curveType = body.u8("ServerKeyExchange.ECParameters.curve_type");
        if (curveType != NAMED_CURVE) {
            throw body.failure(Reason.ILLEGAL_PARAMETER,
                    "ServerKeyExchange curve_type " + curveType + " is not named_curve");
        }
        NamedGroup curve = new NamedGroup(body.u16("ServerKeyExchange.ECParameters.namedcurve"));
        Opaque point = body.opaque8("ServerKeyExchange.ECPoint.point", 1, 0xFF);
        SignatureScheme algorithm = new SignatureScheme(body.u16("ServerKeyExchange.algorithm"));
        return new EcdheServerKeyExchange(curve, point, algorithm,
                body.opaque16("ServerKeyExchange.signature", 0, 0xFFFF));
    }
}
