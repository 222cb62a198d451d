package io.tlsmachine.impl.crypto.jdk;

import io.tlsmachine.impl.crypto.FfdheGroups;
import io.tlsmachine.impl.crypto.FixedLength;
import io.tlsmachine.impl.crypto.EphemeralKeyExchange;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.Secret;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.DHPrivateKeySpec;
import javax.crypto.spec.DHPublicKeySpec;

/** Finite-field DHE over the RFC 7919 groups with the JDK's {@code DH} key agreement. */
final class JdkFfdheKeyExchange extends EphemeralKeyExchange<PrivateKey> {
    private JdkFfdheKeyExchange(KeyExchangeGroup group, PrivateKey privateKey, BigInteger y) {
        // SunJCE DH keys cannot be wiped; destroy() drops the reference
        super(group, privateKey, FixedLength.bigEndian(y, FfdheGroups.byteLength(group)));
    }

    static JdkFfdheKeyExchange generate(KeyExchangeGroup group, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("DH");
            generator.initialize(new DHParameterSpec(FfdheGroups.prime(group), FfdheGroups.GENERATOR,
                    FfdheGroups.exponentBits(group)), random);
            KeyPair pair = generator.generateKeyPair();
            return new JdkFfdheKeyExchange(group, pair.getPrivate(), ((DHPublicKey) pair.getPublic()).getY());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot generate " + group, e);
        }
    }

    static JdkFfdheKeyExchange fromPrivate(KeyExchangeGroup group, byte[] exponent) {
        BigInteger p = FfdheGroups.prime(group);
        BigInteger x = new BigInteger(1, exponent);
        try {
            PrivateKey privateKey = KeyFactory.getInstance("DH")
                    .generatePrivate(new DHPrivateKeySpec(x, p, FfdheGroups.GENERATOR));
            return new JdkFfdheKeyExchange(group, privateKey, FfdheGroups.GENERATOR.modPow(x, p));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK refused a " + group + " private key", e);
        }
    }

    /** RFC 8446 §7.4.1: Z left-padded with zeros to the size of p. */
    @Override
    protected Secret agreeWith(PrivateKey privateKey, byte[] peerShare) {
        KeyExchangeGroup group = group();
        BigInteger y = FfdheGroups.validatePeerValue(group, peerShare);
        return JcaAgreement.paddedSecret(group, "DH", privateKey, "DH",
                new DHPublicKeySpec(y, FfdheGroups.prime(group), FfdheGroups.GENERATOR), FfdheGroups.byteLength(group));
    }
}
