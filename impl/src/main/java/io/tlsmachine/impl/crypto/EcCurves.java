package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * The NIST prime curves of our ECDHE groups: parameters, the uncompressed point encoding and the
 * peer-share checks of RFC 8446 §4.2.8.2, plus plain affine arithmetic for rebuilding a public
 * key from a known private key (test vectors; not on the hot path, not constant time).
 */
public final class EcCurves {
    private static final ECParameterSpec P256 = load("secp256r1");
    private static final ECParameterSpec P384 = load("secp384r1");
    private static final ECParameterSpec P521 = load("secp521r1");

    private EcCurves() {}

    /** Whether {@code group} is an ECDHE group over a NIST prime curve. */
    public static boolean isEcdhe(KeyExchangeGroup group) {
        return group == KeyExchangeGroup.SECP256R1 || group == KeyExchangeGroup.SECP384R1 || group == KeyExchangeGroup.SECP521R1;
    }

    /** Returns the JCA name of the group's curve, e.g. {@code secp256r1}. */
    public static String curveName(KeyExchangeGroup group) {
        return switch (group) {
            case SECP256R1 -> "secp256r1";
            case SECP384R1 -> "secp384r1";
            case SECP521R1 -> "secp521r1";
            default -> throw new IllegalArgumentException(group + " is not an ECDHE group");
        };
    }

    /** Returns the domain parameters of the group's curve. */
    public static ECParameterSpec parameters(KeyExchangeGroup group) {
        return switch (group) {
            case SECP256R1 -> P256;
            case SECP384R1 -> P384;
            case SECP521R1 -> P521;
            default -> throw new IllegalArgumentException(group + " is not an ECDHE group");
        };
    }

    /** Returns the length of a field element in bytes (32, 48 or 66), the length of the shared secret. */
    public static int fieldLength(KeyExchangeGroup group) {
        return (prime(parameters(group)).bitLength() + 7) / 8;
    }

    /** RFC 8446 §4.2.8.2: {@code 0x04 || X || Y}, each coordinate left-padded to the field length. */
    public static byte[] encodeUncompressed(KeyExchangeGroup group, ECPoint point) {
        int length = fieldLength(group);
        byte[] out = new byte[1 + 2 * length];
        out[0] = 0x04;
        System.arraycopy(FixedLength.bigEndian(point.getAffineX(), length), 0, out, 1, length);
        System.arraycopy(FixedLength.bigEndian(point.getAffineY(), length), 0, out, 1 + length, length);
        return out;
    }

    /**
     * Decodes and validates a peer's share, RFC 8446 §4.2.8.2: the uncompressed form only, the
     * exact length, coordinates below p, and the point on the curve. The identity has no
     * uncompressed encoding, and these curves have cofactor 1, so that also rules out small
     * subgroups.
     *
     * @throws TlsException INVALID_KEY_SHARE when any check fails
     */
    public static ECPoint decodeAndValidate(KeyExchangeGroup group, byte[] share) {
        requireUncompressedForm(group, share);
        int length = fieldLength(group);
        byte[] xBytes = new byte[length];
        byte[] yBytes = new byte[length];
        System.arraycopy(share, 1, xBytes, 0, length);
        System.arraycopy(share, 1 + length, yBytes, 0, length);
        ECPoint point = new ECPoint(new BigInteger(1, xBytes), new BigInteger(1, yBytes));
        if (!isOnCurve(parameters(group), point)) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE, group + " share is not a point on the curve");
        }
        return point;
    }

    /**
     * RFC 8446 §4.2.8.2: the share is {@code 0x04 || X || Y} of exactly {@code 1 + 2 * fieldLength}
     * bytes (the compressed form and the one-byte identity encoding are refused).
     *
     * @throws TlsException INVALID_KEY_SHARE otherwise
     */
    public static void requireUncompressedForm(KeyExchangeGroup group, byte[] share) {
        int length = fieldLength(group);
        if (share.length != 1 + 2 * length) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE,
                    group + " share has " + share.length + " bytes, expected " + (1 + 2 * length));
        }
        if (share[0] != 0x04) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE, group + " share is not in uncompressed form");
        }
    }

    /** Whether {@code point} has coordinates in [0, p) and satisfies y^2 = x^3 + ax + b (mod p). */
    public static boolean isOnCurve(ECParameterSpec parameters, ECPoint point) {
        if (point == ECPoint.POINT_INFINITY) {
            return false;
        }
        BigInteger p = prime(parameters);
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.multiply(x).add(parameters.getCurve().getA()).multiply(x)
                .add(parameters.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    /** Computes {@code scalar * G} in affine coordinates (variable time: for known test keys only). */
    public static ECPoint multiplyGenerator(KeyExchangeGroup group, BigInteger scalar) {
        ECParameterSpec parameters = parameters(group);
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = parameters.getGenerator();
        for (int i = 0; i < scalar.bitLength(); i++) {
            if (scalar.testBit(i)) {
                result = add(parameters, result, addend);
            }
            addend = add(parameters, addend, addend);
        }
        return result;
    }

    private static ECPoint add(ECParameterSpec parameters, ECPoint a, ECPoint b) {
        if (a == ECPoint.POINT_INFINITY) {
            return b;
        }
        if (b == ECPoint.POINT_INFINITY) {
            return a;
        }
        BigInteger p = prime(parameters);
        BigInteger slope;
        if (a.getAffineX().equals(b.getAffineX())) {
            if (!a.getAffineY().equals(b.getAffineY()) || a.getAffineY().signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            BigInteger x = a.getAffineX();
            slope = x.multiply(x).multiply(BigInteger.valueOf(3)).add(parameters.getCurve().getA())
                    .multiply(a.getAffineY().shiftLeft(1).modInverse(p)).mod(p);
        } else {
            slope = b.getAffineY().subtract(a.getAffineY())
                    .multiply(b.getAffineX().subtract(a.getAffineX()).modInverse(p)).mod(p);
        }
        BigInteger x = slope.multiply(slope).subtract(a.getAffineX()).subtract(b.getAffineX()).mod(p);
        BigInteger y = slope.multiply(a.getAffineX().subtract(x)).subtract(a.getAffineY()).mod(p);
        return new ECPoint(x, y);
    }

    private static BigInteger prime(ECParameterSpec parameters) {
        return ((ECFieldFp) parameters.getCurve().getField()).getP();
    }

    private static ECParameterSpec load(String name) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(name));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks curve " + name, e);
        }
    }
}
