package io.tlsmachine.impl.crypto.jdk;

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

/** The TLS primitives implemented with the JDK's own providers (SUN, SunJCE, SunEC, SunRsaSign). */
public final class JdkCryptoProvider extends LibraryCryptoProvider {
    public static final JdkCryptoProvider INSTANCE = new JdkCryptoProvider();

    private JdkCryptoProvider() {
        super(new Family(JdkXdhKeyExchange::generate, JdkXdhKeyExchange::fromPrivate),
                new Family(JdkEcdhKeyExchange::generate, JdkEcdhKeyExchange::fromPrivate),
                new Family(JdkFfdheKeyExchange::generate, JdkFfdheKeyExchange::fromPrivate),
                () -> JcaMlKem.INSTANCE);
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public Digest digest(HashAlgorithm hash) {
        return JdkDigest.start(hash);
    }

    @Override
    public byte[] hmac(HashAlgorithm hash, byte[] key, byte[]... data) {
        return JdkHmac.mac(hash, key, data);
    }

    @Override
    public Aead aead(AeadAlgorithm algorithm, Secret key) {
        return new JdkAead(algorithm, key.bytes());
    }

    @Override
    public byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] data, SecureRandom random) {
        return JdkSignatures.sign(algorithm, key, data, random);
    }

    @Override
    public boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        return JdkSignatures.verify(algorithm, key, data, signature);
    }

    @Override
    public byte[] rsaEncrypt(PublicKey key, byte[] premaster, SecureRandom random) {
        return JdkRsaKeyTransport.encrypt(key, premaster, random);
    }

    @Override
    public Secret rsaDecryptPremaster(PrivateKey key, byte[] encrypted, byte[] fallback, int expectedVersion) {
        return JdkRsaKeyTransport.decryptPremaster(key, encrypted, fallback, expectedVersion);
    }

    @Override
    public String toString() {
        return "JdkCryptoProvider";
    }
}
