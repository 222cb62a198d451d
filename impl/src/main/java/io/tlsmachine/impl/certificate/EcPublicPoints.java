package io.tlsmachine.impl.certificate;

import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECField;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * Derives an EC private key's public point Q = d·G (SEC 1 §3.2.1) on a prime-field curve, so a key
 * file can carry its public key without the certificate at hand.
 *
 * <p>Used only when writing key files: a Montgomery ladder in affine coordinates over
 * {@link BigInteger}, which is not constant-time and must not run where a peer can time it.
 */
final class EcPublicPoints {
    private EcPublicPoints() {}

    /**
     * Returns d·G for {@code key}'s scalar d and curve.
     *
     * @throws IllegalArgumentException when the curve is not over a prime field or d is outside 1 .. n-1
     */
    static ECPoint derive(ECPrivateKey key) {
        ECParameterSpec params = key.getParams();
        ECField field = params.getCurve().getField();
        if (!(field instanceof ECFieldFp primeField)) {
            throw new IllegalArgumentException("only EC keys over prime fields are supported");
        }
        BigInteger d = key.getS();
        if (d.signum() <= 0 || d.compareTo(params.getOrder()) >= 0) {
            throw new IllegalArgumentException("EC private key scalar out of range");
        }
        Curve curve = new Curve(primeField.getP(), params.getCurve().getA());
        ECPoint r0 = ECPoint.POINT_INFINITY;
        ECPoint r1 = params.getGenerator();
        for (int i = params.getOrder().bitLength() - 1; i >= 0; i--) {
            if (d.testBit(i)) {
                r0 = curve.add(r0, r1);
                r1 = curve.add(r1, r1);
            } else {
                r1 = curve.add(r0, r1);
                r0 = curve.add(r0, r0);
            }
        }
        return r0;
    }

    /** Returns the uncompressed encoding 04 || X || Y (SEC 1 §2.3.3), coordinates padded to the field size. */
    static byte[] uncompressed(ECPoint point, ECParameterSpec params) {
        int length = (params.getCurve().getField().getFieldSize() + 7) / 8;
        byte[] out = new byte[1 + 2 * length];
        out[0] = 0x04;
        Der.unsignedFixed(point.getAffineX(), out, 1, length);
        Der.unsignedFixed(point.getAffineY(), out, 1 + length, length);
        return out;
    }

    /** y² = x³ + ax + b over GF(p); b is not needed to add points. */
    private record Curve(BigInteger p, BigInteger a) {
        private static final BigInteger TWO = BigInteger.TWO;
        private static final BigInteger THREE = BigInteger.valueOf(3);

        ECPoint add(ECPoint left, ECPoint right) {
            if (left.equals(ECPoint.POINT_INFINITY)) {
                return right;
            }
            if (right.equals(ECPoint.POINT_INFINITY)) {
                return left;
            }
            BigInteger x1 = left.getAffineX();
            BigInteger y1 = left.getAffineY();
            BigInteger x2 = right.getAffineX();
            BigInteger y2 = right.getAffineY();
            BigInteger slope;
            if (x1.equals(x2)) {
                if (!y1.equals(y2) || y1.signum() == 0) {
                    return ECPoint.POINT_INFINITY;
                }
                slope = x1.pow(2).multiply(THREE).add(a).multiply(y1.multiply(TWO).modInverse(p)).mod(p);
            } else {
                slope = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
            }
            BigInteger x3 = slope.pow(2).subtract(x1).subtract(x2).mod(p);
            BigInteger y3 = slope.multiply(x1.subtract(x3)).subtract(y1).mod(p);
            return new ECPoint(x3, y3);
        }
    }
}
