package io.tlsmachine.impl.crypto.bc;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Converts JCA keys (as loaded from PEM or a KeyStore) to Bouncy Castle lightweight key
 * parameters: directly for RSA and the NIST curves, through their standard encodings otherwise.
 */
final class BcKeys {
    private BcKeys() {}

    static AsymmetricKeyParameter publicKey(PublicKey key) throws IOException {
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
        }
        if (key instanceof ECPublicKey ec) {
            ECDomainParameters domain = domain(ec.getParams());
            if (domain != null) {
                return new ECPublicKeyParameters(
                        domain.getCurve().createPoint(ec.getW().getAffineX(), ec.getW().getAffineY()), domain);
            }
        }
        return PublicKeyFactory.createKey(key.getEncoded());
    }

    static AsymmetricKeyParameter privateKey(PrivateKey key) throws IOException {
        if (key instanceof RSAPrivateCrtKey rsa) {
            return new RSAPrivateCrtKeyParameters(rsa.getModulus(), rsa.getPublicExponent(), rsa.getPrivateExponent(),
                    rsa.getPrimeP(), rsa.getPrimeQ(), rsa.getPrimeExponentP(), rsa.getPrimeExponentQ(),
                    rsa.getCrtCoefficient());
        }
        if (key instanceof RSAPrivateKey rsa) {
            return new RSAKeyParameters(true, rsa.getModulus(), rsa.getPrivateExponent());
        }
        if (key instanceof ECPrivateKey ec) {
            ECDomainParameters domain = domain(ec.getParams());
            if (domain != null) {
                return new ECPrivateKeyParameters(ec.getS(), domain);
            }
        }
        if (key instanceof EdECPrivateKey ed && ed.getBytes().isPresent()) {
            byte[] raw = ed.getBytes().get();
            return "Ed25519".equalsIgnoreCase(ed.getParams().getName())
                    ? new Ed25519PrivateKeyParameters(raw)
                    : new Ed448PrivateKeyParameters(raw);
        }
        return PrivateKeyFactory.createKey(key.getEncoded());
    }

    /** Returns Bouncy Castle's fast curve equal to {@code parameters}, or null for other curves. */
    private static ECDomainParameters domain(ECParameterSpec parameters) {
        String name = switch (parameters.getCurve().getField().getFieldSize()) {
            case 256 -> "secp256r1";
            case 384 -> "secp384r1";
            case 521 -> "secp521r1";
            default -> null;
        };
        if (name == null) {
            return null;
        }
        ECDomainParameters domain = BcCurves.domain(name);
        boolean same = domain.getN().equals(parameters.getOrder())
                && domain.getG().getAffineXCoord().toBigInteger().equals(parameters.getGenerator().getAffineX());
        return same ? domain : null;
    }
}
