package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.Digest;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.KeyExchange;
import io.tlsmachine.impl.crypto.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.crypto.SignatureAlgorithm;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

/** The TLS primitives implemented with Bouncy Castle's lightweight API (not its JCA provider). */
public final class BouncyCastleCryptoProvider implements CryptoProvider {
    public static final BouncyCastleCryptoProvider INSTANCE = new BouncyCastleCryptoProvider();

    private BouncyCastleCryptoProvider() {}

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
    public KeyExchange generateKeyExchange(KeyExchangeGroup group, SecureRandom random) {
        throw new UnsupportedOperationException("key exchange: not implemented yet");
    }

    @Override
    public KeyExchange keyExchangeFromPrivate(KeyExchangeGroup group, byte[] privateKey) {
        throw new UnsupportedOperationException("key exchange: not implemented yet");
    }

    @Override
    public byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] data, SecureRandom random) {
        throw new UnsupportedOperationException("signatures: not implemented yet");
    }

    @Override
    public boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        throw new UnsupportedOperationException("signatures: not implemented yet");
    }

    @Override
    public byte[] rsaEncrypt(PublicKey key, byte[] premaster, SecureRandom random) {
        throw new UnsupportedOperationException("RSA key transport: not implemented yet");
    }

    @Override
    public Secret rsaDecryptPremaster(PrivateKey key, byte[] encrypted, byte[] fallback, int expectedVersion) {
        throw new UnsupportedOperationException("RSA key transport: not implemented yet");
    }

    @Override
    public String toString() {
        return "BouncyCastleCryptoProvider";
    }
}
