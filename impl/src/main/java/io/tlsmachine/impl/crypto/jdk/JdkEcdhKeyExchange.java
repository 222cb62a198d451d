package io.tlsmachine.impl.crypto.jdk;

import io.tlsmachine.impl.crypto.EcCurves;
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
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;

/** ECDHE over secp256r1, secp384r1 or secp521r1 (RFC 8446 §4.2.8.2, §7.4.2) with the JDK's SunEC. */
final class JdkEcdhKeyExchange extends EphemeralKeyExchange<PrivateKey> {
    private JdkEcdhKeyExchange(KeyExchangeGroup group, PrivateKey privateKey, byte[] publicShare) {
        super(group, privateKey, publicShare); // SunEC keys cannot be wiped; destroy() drops the reference
    }

    static JdkEcdhKeyExchange generate(KeyExchangeGroup group, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(EcCurves.curveName(group)), random);
            KeyPair pair = generator.generateKeyPair();
            ECPoint w = ((ECPublicKey) pair.getPublic()).getW();
            return new JdkEcdhKeyExchange(group, pair.getPrivate(), EcCurves.encodeUncompressed(group, w));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot generate " + group, e);
        }
    }

    static JdkEcdhKeyExchange fromPrivate(KeyExchangeGroup group, byte[] scalar) {
        BigInteger s = new BigInteger(1, scalar);
        try {
            PrivateKey privateKey = KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(s, EcCurves.parameters(group)));
            ECPoint w = EcCurves.multiplyGenerator(group, s);
            return new JdkEcdhKeyExchange(group, privateKey, EcCurves.encodeUncompressed(group, w));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK refused a " + group + " private key", e);
        }
    }

    /** RFC 8446 §7.4.2: the shared secret is the x-coordinate of the ECDH result, fixed length. */
    @Override
    protected Secret agreeWith(PrivateKey privateKey, byte[] peerShare) {
        KeyExchangeGroup group = group();
        ECPoint peerPoint = EcCurves.decodeAndValidate(group, peerShare);
        return JcaAgreement.paddedSecret(group, "ECDH", privateKey, "EC",
                new ECPublicKeySpec(peerPoint, EcCurves.parameters(group)), EcCurves.fieldLength(group));
    }
}
