package io.tlsmachine.impl.crypto.jdk;

import io.tlsmachine.impl.crypto.FixedLength;
import io.tlsmachine.impl.crypto.EphemeralKeyExchange;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.crypto.XdhShares;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;

/** X25519 or X448 (RFC 7748) with the JDK's {@code XDH} key agreement. */
final class JdkXdhKeyExchange extends EphemeralKeyExchange<PrivateKey> {
    private JdkXdhKeyExchange(KeyExchangeGroup group, PrivateKey privateKey, byte[] publicShare) {
        super(group, privateKey, publicShare); // the JDK's XEC keys cannot be wiped; destroy() drops the reference
    }

    static JdkXdhKeyExchange generate(KeyExchangeGroup group, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH");
            generator.initialize(curveOf(group), random);
            var pair = generator.generateKeyPair();
            BigInteger u = ((XECPublicKey) pair.getPublic()).getU();
            return new JdkXdhKeyExchange(group, pair.getPrivate(),
                    FixedLength.littleEndian(u, XdhShares.length(group)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot generate " + group, e);
        }
    }

    /** RFC 7748 §6: the public share is the scalar times the base point (u = 9, or 5 for X448). */
    static JdkXdhKeyExchange fromPrivate(KeyExchangeGroup group, byte[] scalar) {
        if (scalar.length != XdhShares.length(group)) {
            throw new IllegalArgumentException(group + " private key must be " + XdhShares.length(group) + " bytes");
        }
        try {
            PrivateKey privateKey = KeyFactory.getInstance("XDH")
                    .generatePrivate(new XECPrivateKeySpec(curveOf(group), scalar.clone()));
            byte[] basePoint = new byte[XdhShares.length(group)];
            basePoint[0] = (byte) (group == KeyExchangeGroup.X25519 ? 9 : 5);
            byte[] publicShare = agree(group, privateKey, basePoint);
            return new JdkXdhKeyExchange(group, privateKey, publicShare);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK refused a " + group + " private key", e);
        }
    }

    @Override
    protected Secret agreeWith(PrivateKey privateKey, byte[] peerShare) {
        KeyExchangeGroup group = group();
        XdhShares.requireLength(group, peerShare);
        try {
            byte[] secret = agree(group, privateKey, peerShare);
            XdhShares.rejectAllZero(group, secret);
            return Secret.adopt(secret);
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE, group + " agreement failed");
        }
    }

    private static byte[] agree(KeyExchangeGroup group, PrivateKey privateKey, byte[] peerShare)
            throws GeneralSecurityException {
        byte[] littleEndian = peerShare.clone();
        if (group == KeyExchangeGroup.X25519) {
            littleEndian[littleEndian.length - 1] &= 0x7F; // RFC 7748 §5: mask the unused top bit
        }
        return JcaAgreement.agree("XDH", privateKey, "XDH",
                new XECPublicKeySpec(curveOf(group), FixedLength.fromLittleEndian(littleEndian)));
    }

    private static NamedParameterSpec curveOf(KeyExchangeGroup group) {
        return switch (group) {
            case X25519 -> NamedParameterSpec.X25519;
            case X448 -> NamedParameterSpec.X448;
            default -> throw new IllegalArgumentException(group + " is not an XDH group");
        };
    }
}
