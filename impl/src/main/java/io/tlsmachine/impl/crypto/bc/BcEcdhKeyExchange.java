package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.EcCurves;
import io.tlsmachine.impl.crypto.FixedLength;
import io.tlsmachine.impl.crypto.EphemeralKeyExchange;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/** ECDHE over secp256r1, secp384r1 or secp521r1 (RFC 8446 §4.2.8.2, §7.4.2) with Bouncy Castle's custom curves. */
final class BcEcdhKeyExchange extends EphemeralKeyExchange<ECPrivateKeyParameters> {
    private final ECDomainParameters domain;

    private BcEcdhKeyExchange(KeyExchangeGroup group, ECPrivateKeyParameters privateKey, ECPoint publicPoint) {
        // BigInteger scalars cannot be wiped; destroy() drops the reference
        super(group, privateKey, publicPoint.getEncoded(false));
        this.domain = privateKey.getParameters();
    }

    static BcEcdhKeyExchange generate(KeyExchangeGroup group, SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(BcCurves.domain(EcCurves.curveName(group)), random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new BcEcdhKeyExchange(group, (ECPrivateKeyParameters) pair.getPrivate(),
                ((ECPublicKeyParameters) pair.getPublic()).getQ());
    }

    static BcEcdhKeyExchange fromPrivate(KeyExchangeGroup group, byte[] scalar) {
        ECDomainParameters domain = BcCurves.domain(EcCurves.curveName(group));
        BigInteger d = new BigInteger(1, scalar);
        return new BcEcdhKeyExchange(group, new ECPrivateKeyParameters(d, domain), domain.getG().multiply(d).normalize());
    }

    /**
     * RFC 8446 §4.2.8.2: uncompressed form and length checked here; Bouncy Castle's point decoding
     * and {@link ECPublicKeyParameters} check that the point is on the curve and not the identity.
     * RFC 8446 §7.4.2: the shared secret is the x-coordinate, fixed length.
     */
    @Override
    protected Secret agreeWith(ECPrivateKeyParameters privateKey, byte[] peerShare) {
        KeyExchangeGroup group = group();
        EcCurves.requireUncompressedForm(group, peerShare);
        try {
            ECPublicKeyParameters peer = new ECPublicKeyParameters(domain.getCurve().decodePoint(peerShare), domain);
            ECDHBasicAgreement agreement = new ECDHBasicAgreement();
            agreement.init(privateKey);
            BigInteger x = agreement.calculateAgreement(peer);
            return Secret.adopt(FixedLength.bigEndian(x, EcCurves.fieldLength(group)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE, group + " share is not a valid point");
        }
    }
}
