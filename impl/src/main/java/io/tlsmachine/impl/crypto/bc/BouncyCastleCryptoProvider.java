package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.Digest;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.LibraryCryptoProvider;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.SignatureAlgorithm;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

/** The TLS primitives implemented with Bouncy Castle's lightweight API (not its JCA provider). */
public final class BouncyCastleCryptoProvider extends LibraryCryptoProvider {
    public static final BouncyCastleCryptoProvider INSTANCE = new BouncyCastleCryptoProvider();

    private BouncyCastleCryptoProvider() {
        super(new Family(BcXdhKeyExchange::generate, BcXdhKeyExchange::fromPrivate),
                new Family(BcEcdhKeyExchange::generate, BcEcdhKeyExchange::fromPrivate),
                new Family(BcFfdheKeyExchange::generate, BcFfdheKeyExchange::fromPrivate),
                () -> BcMlKem.INSTANCE);
    }

    @Override
    public String name() {
        return "bc";
    }

    @Override
    public Digest digest(HashAlgorithm hash) {
        return BcDigest.start(hash);
    }

    @Override
    public byte[] hmac(HashAlgorithm hash, byte[] key, byte[]... data) {
        return BcHmac.mac(hash, key, data);
    }

    @Override
    public Aead aead(AeadAlgorithm algorithm, Secret key) {
        return new BcAead(algorithm, key.bytes());
    }

    @Override
    public byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] data, SecureRandom random) {
        return BcSignatures.sign(algorithm, key, data, random);
    }

    @Override
    public boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        return BcSignatures.verify(algorithm, key, data, signature);
    }

    @Override
    public byte[] rsaEncrypt(PublicKey key, byte[] premaster, SecureRandom random) {
        return BcRsaKeyTransport.encrypt(key, premaster, random);
    }

    @Override
    public Secret rsaDecryptPremaster(PrivateKey key, byte[] encrypted, byte[] fallback, int expectedVersion) {
        return BcRsaKeyTransport.decryptPremaster(key, encrypted, fallback, expectedVersion);
    }

    @Override
    public String toString() {
        return "BouncyCastleCryptoProvider";
    }
}
