package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.math.BigInteger;

/** The finite-field groups of RFC 7919 Appendix A, and validation of a peer's public value. */
public final class FfdheGroups {
    /** RFC 7919 Appendix A.1, ffdhe2048 p. */
    private static final BigInteger FFDHE2048_P = new BigInteger(
            "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695"
            + "A9E13641146433FBCC939DCE249B3EF97D2FE363630C75D8F681B202AEC4617A"
            + "D3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
            + "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797A"
            + "BC0AB182B324FB61D108A94BB2C8E3FBB96ADAB760D7F4681D4F42A3DE394DF4"
            + "AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
            + "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005"
            + "C58EF1837D1683B2C6F34A26C1B2EFFA886B423861285C97FFFFFFFFFFFFFFFF", 16);

    /** RFC 7919 Appendix A.2, ffdhe3072 p. */
    private static final BigInteger FFDHE3072_P = new BigInteger(
            "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695"
            + "A9E13641146433FBCC939DCE249B3EF97D2FE363630C75D8F681B202AEC4617A"
            + "D3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
            + "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797A"
            + "BC0AB182B324FB61D108A94BB2C8E3FBB96ADAB760D7F4681D4F42A3DE394DF4"
            + "AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
            + "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005"
            + "C58EF1837D1683B2C6F34A26C1B2EFFA886B4238611FCFDCDE355B3B6519035B"
            + "BC34F4DEF99C023861B46FC9D6E6C9077AD91D2691F7F7EE598CB0FAC186D91C"
            + "AEFE130985139270B4130C93BC437944F4FD4452E2D74DD364F2E21E71F54BFF"
            + "5CAE82AB9C9DF69EE86D2BC522363A0DABC521979B0DEADA1DBF9A42D5C4484E"
            + "0ABCD06BFA53DDEF3C1B20EE3FD59D7C25E41D2B66C62E37FFFFFFFFFFFFFFFF", 16);

    /** RFC 7919 Appendix A: the generator of every group. */
    public static final BigInteger GENERATOR = BigInteger.TWO;

    private FfdheGroups() {}

    /** Returns the prime p of {@code group}. */
    public static BigInteger prime(KeyExchangeGroup group) {
        return switch (group) {
            case FFDHE2048 -> FFDHE2048_P;
            case FFDHE3072 -> FFDHE3072_P;
            default -> throw new IllegalArgumentException(group + " is not a finite-field group");
        };
    }

    /** Whether {@code group} is one of these finite-field groups. */
    public static boolean isFfdhe(KeyExchangeGroup group) {
        return group == KeyExchangeGroup.FFDHE2048 || group == KeyExchangeGroup.FFDHE3072;
    }

    /** Returns the length of p in bytes: the length of every public value and shared secret. */
    public static int byteLength(KeyExchangeGroup group) {
        return (prime(group).bitLength() + 7) / 8;
    }

    /**
     * Returns the private exponent length in bits: RFC 7919 Appendix A asks for at least 225 bits
     * (ffdhe2048) and 275 bits (ffdhe3072) when using short exponents (§5.2); we use a margin
     * above both.
     */
    public static int exponentBits(KeyExchangeGroup group) {
        return group == KeyExchangeGroup.FFDHE2048 ? 256 : 320;
    }

    /**
     * Decodes and validates the peer's public value: RFC 8446 §4.2.8.1 (big-endian, left-padded
     * to the length of p) and RFC 7919 §5.1 (1 &lt; y &lt; p-1).
     *
     * @throws TlsException INVALID_KEY_SHARE when either check fails
     */
    public static BigInteger validatePeerValue(KeyExchangeGroup group, byte[] share) {
        if (share.length != byteLength(group)) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE,
                    group + " share has " + share.length + " bytes, expected " + byteLength(group));
        }
        BigInteger y = new BigInteger(1, share);
        BigInteger p = prime(group);
        if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE, group + " public value outside 1 < y < p-1");
        }
        return y;
    }
}
