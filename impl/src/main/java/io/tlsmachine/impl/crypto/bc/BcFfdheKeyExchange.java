package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.FfdheGroups;
import io.tlsmachine.impl.crypto.FixedLength;
import io.tlsmachine.impl.crypto.EphemeralKeyExchange;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.DHBasicAgreement;
import org.bouncycastle.crypto.generators.DHKeyPairGenerator;
import org.bouncycastle.crypto.params.DHKeyGenerationParameters;
import org.bouncycastle.crypto.params.DHParameters;
import org.bouncycastle.crypto.params.DHPrivateKeyParameters;
import org.bouncycastle.crypto.params.DHPublicKeyParameters;

/** Finite-field DHE over the RFC 7919 groups with Bouncy Castle's {@link DHBasicAgreement}. */
final class BcFfdheKeyExchange extends EphemeralKeyExchange<DHPrivateKeyParameters> {
    private BcFfdheKeyExchange(KeyExchangeGroup group, DHPrivateKeyParameters privateKey, BigInteger y) {
        // BigInteger exponents cannot be wiped; destroy() drops the reference
        super(group, privateKey, FixedLength.bigEndian(y, FfdheGroups.byteLength(group)));
    }

    /** The group without q: RFC 7919 §5.1 asks only for the range check, which we do ourselves. */
    private static DHParameters parameters(KeyExchangeGroup group) {
        return new DHParameters(FfdheGroups.prime(group), FfdheGroups.GENERATOR, null, FfdheGroups.exponentBits(group));
    }

    static BcFfdheKeyExchange generate(KeyExchangeGroup group, SecureRandom random) {
        DHKeyPairGenerator generator = new DHKeyPairGenerator();
        generator.init(new DHKeyGenerationParameters(random, parameters(group)));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new BcFfdheKeyExchange(group, (DHPrivateKeyParameters) pair.getPrivate(),
                ((DHPublicKeyParameters) pair.getPublic()).getY());
    }

    static BcFfdheKeyExchange fromPrivate(KeyExchangeGroup group, byte[] exponent) {
        BigInteger x = new BigInteger(1, exponent);
        return new BcFfdheKeyExchange(group, new DHPrivateKeyParameters(x, parameters(group)),
                FfdheGroups.GENERATOR.modPow(x, FfdheGroups.prime(group)));
    }

    /** RFC 8446 §7.4.1: Z left-padded with zeros to the size of p. */
    @Override
    protected Secret agreeWith(DHPrivateKeyParameters privateKey, byte[] peerShare) {
        KeyExchangeGroup group = group();
        BigInteger y = FfdheGroups.validatePeerValue(group, peerShare);
        try {
            DHBasicAgreement agreement = new DHBasicAgreement();
            agreement.init(privateKey);
            BigInteger z = agreement.calculateAgreement(new DHPublicKeyParameters(y, privateKey.getParameters()));
            return Secret.adopt(FixedLength.bigEndian(z, FfdheGroups.byteLength(group)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE, group + " agreement failed");
        }
    }
}
