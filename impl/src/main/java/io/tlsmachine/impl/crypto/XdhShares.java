package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;

/** Length and result checks for X25519 and X448 shares (RFC 7748, RFC 8446 §4.2.8.2 and §7.4.2). */
public final class XdhShares {
    private XdhShares() {}

    /** Whether {@code group} is X25519 or X448. */
    public static boolean isXdh(KeyExchangeGroup group) {
        return group == KeyExchangeGroup.X25519 || group == KeyExchangeGroup.X448;
    }

    /** Returns the length of a u-coordinate, a private scalar and the shared secret (32 or 56). */
    public static int length(KeyExchangeGroup group) {
        return switch (group) {
            case X25519 -> 32;
            case X448 -> 56;
            default -> throw new IllegalArgumentException(group + " is not an XDH group");
        };
    }

    /**
     * RFC 8446 §4.2.8.2: the share is the u-coordinate in exactly 32 (X25519) or 56 (X448) bytes.
     *
     * @throws TlsException INVALID_KEY_SHARE for any other length
     */
    public static void requireLength(KeyExchangeGroup group, byte[] share) {
        if (share.length != length(group)) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE,
                    group + " share has " + share.length + " bytes, expected " + length(group));
        }
    }

    /**
     * RFC 7748 §6.1/§6.2 and RFC 8446 §7.4.2: an all-zero shared secret means the peer sent a
     * small-order point; checked in time independent of the secret's value.
     *
     * @throws TlsException INVALID_KEY_SHARE for an all-zero result
     */
    public static void rejectAllZero(KeyExchangeGroup group, byte[] sharedSecret) {
        int accumulated = 0;
        for (byte b : sharedSecret) {
            accumulated |= b;
        }
        if (accumulated == 0) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE, group + " agreement gave the all-zero value");
        }
    }
}
