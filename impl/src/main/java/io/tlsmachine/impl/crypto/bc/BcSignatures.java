package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.impl.crypto.SignatureKeys;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.Ed448Signer;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/** Signature schemes (RFC 8446 §4.2.3) with Bouncy Castle's lightweight signers. */
final class BcSignatures {
    private static final byte[] NO_CONTEXT = new byte[0];

    private BcSignatures() {}

    static byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] data, SecureRandom random) {
        if (!SignatureKeys.suits(algorithm, key)) {
            throw new IllegalArgumentException(algorithm + " cannot sign with a " + key.getAlgorithm() + " key");
        }
        try {
            AsymmetricKeyParameter privateKey = BcKeys.privateKey(key);
            if (isEcdsa(algorithm)) {
                return signEcdsa(algorithm, (ECKeyParameters) privateKey, data, random);
            }
            Signer signer = newSigner(algorithm);
            boolean randomised = !(algorithm == SignatureAlgorithm.ED25519 || algorithm == SignatureAlgorithm.ED448);
            signer.init(true, randomised ? new ParametersWithRandom(privateKey, random) : privateKey);
            signer.update(data, 0, data.length);
            return signer.generateSignature();
        } catch (Exception e) {
            throw new IllegalStateException(algorithm + " signing failed", e);
        }
    }

    static boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        if (!SignatureKeys.suits(algorithm, key) || !SignatureKeys.plausibleLength(algorithm, signature)) {
            return false;
        }
        try {
            AsymmetricKeyParameter publicKey = BcKeys.publicKey(key);
            if (isEcdsa(algorithm)) {
                return verifyEcdsa(algorithm, (ECKeyParameters) publicKey, data, signature);
            }
            Signer signer = newSigner(algorithm);
            signer.init(false, publicKey);
            signer.update(data, 0, data.length);
            return signer.verifySignature(signature);
        } catch (Exception e) {
            return false;
        }
    }

    /** ECDSA signatures are the DER SEQUENCE { r, s } carried on the wire (RFC 8446 §4.2.3). */
    private static byte[] signEcdsa(SignatureAlgorithm algorithm, ECKeyParameters key, byte[] data, SecureRandom random)
            throws java.io.IOException {
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ParametersWithRandom(key, random));
        BigInteger[] rs = signer.generateSignature(hash(algorithm, data));
        return StandardDSAEncoding.INSTANCE.encode(key.getParameters().getN(), rs[0], rs[1]);
    }

    private static boolean verifyEcdsa(SignatureAlgorithm algorithm, ECKeyParameters key, byte[] data, byte[] signature)
            throws java.io.IOException {
        BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(key.getParameters().getN(), signature);
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, key);
        return signer.verifySignature(hash(algorithm, data), rs[0], rs[1]);
    }

    private static byte[] hash(SignatureAlgorithm algorithm, byte[] data) {
        Digest digest = BcDigests.create(SignatureKeys.hash(algorithm).orElseThrow());
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    private static boolean isEcdsa(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512 -> true;
            default -> false;
        };
    }

    /** RSASSA-PSS: MGF1 with the same hash and a salt as long as the hash (RFC 8446 §4.2.3). */
    private static Signer newSigner(SignatureAlgorithm algorithm) {
        if (algorithm == SignatureAlgorithm.ED25519) {
            return new Ed25519Signer();
        }
        if (algorithm == SignatureAlgorithm.ED448) {
            return new Ed448Signer(NO_CONTEXT);
        }
        HashAlgorithm hash = SignatureKeys.hash(algorithm).orElseThrow();
        if (SignatureKeys.isPss(algorithm)) {
            return new PSSSigner(new RSABlindedEngine(), BcDigests.create(hash), BcDigests.create(hash), hash.length());
        }
        return new RSADigestSigner(BcDigests.create(hash));
    }
}
