package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.EphemeralKeyExchange;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.crypto.XdhShares;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X448PrivateKeyParameters;
import org.bouncycastle.crypto.params.X448PublicKeyParameters;

/** X25519 or X448 (RFC 7748) with Bouncy Castle's lightweight key parameters. */
final class BcXdhKeyExchange extends EphemeralKeyExchange<byte[]> {
    private BcXdhKeyExchange(KeyExchangeGroup group, byte[] scalar) {
        super(group, scalar, group == KeyExchangeGroup.X25519
                ? new X25519PrivateKeyParameters(scalar).generatePublicKey().getEncoded()
                : new X448PrivateKeyParameters(scalar).generatePublicKey().getEncoded());
    }

    static BcXdhKeyExchange generate(KeyExchangeGroup group, SecureRandom random) {
        byte[] scalar = group == KeyExchangeGroup.X25519
                ? new X25519PrivateKeyParameters(random).getEncoded()
                : new X448PrivateKeyParameters(random).getEncoded();
        return new BcXdhKeyExchange(group, scalar);
    }

    static BcXdhKeyExchange fromPrivate(KeyExchangeGroup group, byte[] scalar) {
        if (scalar.length != XdhShares.length(group)) {
            throw new IllegalArgumentException(group + " private key must be " + XdhShares.length(group) + " bytes");
        }
        return new BcXdhKeyExchange(group, scalar.clone());
    }

    /** RFC 7748 §5 (Bouncy Castle masks the X25519 top bit itself) and §6: all-zero results refused. */
    @Override
    protected Secret agreeWith(byte[] scalar, byte[] peerShare) {
        KeyExchangeGroup group = group();
        XdhShares.requireLength(group, peerShare);
        byte[] secret = new byte[XdhShares.length(group)];
        try {
            if (group == KeyExchangeGroup.X25519) {
                new X25519PrivateKeyParameters(scalar).generateSecret(new X25519PublicKeyParameters(peerShare), secret, 0);
            } else {
                new X448PrivateKeyParameters(scalar).generateSecret(new X448PublicKeyParameters(peerShare), secret, 0);
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE, group + " agreement failed");
        }
        XdhShares.rejectAllZero(group, secret);
        return Secret.adopt(secret);
    }

    /** The scalar is our own copy, so it can be zeroed. */
    @Override
    protected void wipe(byte[] scalar) {
        Arrays.fill(scalar, (byte) 0);
    }
}
