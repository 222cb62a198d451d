package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.SignatureAlgorithm;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;

/**
 * A provider that delegates each primitive (per algorithm, group or scheme) to a chosen
 * provider, and everything not chosen to a default one. {@link CryptoProviders#fastest()} is one.
 */
public final class CompositeCryptoProvider implements CryptoProvider {
    private final String name;
    private final CryptoProvider defaultProvider;
    private final Map<HashAlgorithm, CryptoProvider> digests;
    private final Map<HashAlgorithm, CryptoProvider> hmacs;
    private final Map<AeadAlgorithm, CryptoProvider> aeads;
    private final Map<KeyExchangeGroup, CryptoProvider> keyExchanges;
    private final Map<SignatureAlgorithm, CryptoProvider> signers;
    private final Map<SignatureAlgorithm, CryptoProvider> verifiers;
    private final CryptoProvider rsaKeyTransport;

    private CompositeCryptoProvider(Builder builder) {
        this.name = builder.name;
        this.defaultProvider = builder.defaultProvider;
        this.digests = new EnumMap<>(builder.digests);
        this.hmacs = new EnumMap<>(builder.hmacs);
        this.aeads = new EnumMap<>(builder.aeads);
        this.keyExchanges = new EnumMap<>(builder.keyExchanges);
        this.signers = new EnumMap<>(builder.signers);
        this.verifiers = new EnumMap<>(builder.verifiers);
        this.rsaKeyTransport = builder.rsaKeyTransport == null ? builder.defaultProvider : builder.rsaKeyTransport;
    }

    /** Starts a composite named {@code name} that uses {@code defaultProvider} for anything not chosen. */
    public static Builder builder(String name, CryptoProvider defaultProvider) {
        return new Builder(name, defaultProvider);
    }

    @Override
    public String name() {
        return name;
    }

    /** Returns the provider that computes digests of {@code hash}. */
    public CryptoProvider digestProvider(HashAlgorithm hash) {
        return digests.getOrDefault(hash, defaultProvider);
    }

    /** Returns the provider that computes HMACs over {@code hash}. */
    public CryptoProvider hmacProvider(HashAlgorithm hash) {
        return hmacs.getOrDefault(hash, defaultProvider);
    }

    /** Returns the provider of {@code algorithm} record protection. */
    public CryptoProvider aeadProvider(AeadAlgorithm algorithm) {
        return aeads.getOrDefault(algorithm, defaultProvider);
    }

    /** Returns the provider of key exchanges in {@code group}. */
    public CryptoProvider keyExchangeProvider(KeyExchangeGroup group) {
        return keyExchanges.getOrDefault(group, defaultProvider);
    }

    /** Returns the provider that signs with {@code algorithm}. */
    public CryptoProvider signProvider(SignatureAlgorithm algorithm) {
        return signers.getOrDefault(algorithm, defaultProvider);
    }

    /** Returns the provider that verifies {@code algorithm} signatures. */
    public CryptoProvider verifyProvider(SignatureAlgorithm algorithm) {
        return verifiers.getOrDefault(algorithm, defaultProvider);
    }

    /** Returns the provider of TLS 1.2 RSA key transport. */
    public CryptoProvider rsaKeyTransportProvider() {
        return rsaKeyTransport;
    }

    @Override
    public Digest digest(HashAlgorithm hash) {
        return digestProvider(hash).digest(hash);
    }

    @Override
    public byte[] hmac(HashAlgorithm hash, byte[] key, byte[]... data) {
        return hmacProvider(hash).hmac(hash, key, data);
    }

    @Override
    public Aead aead(AeadAlgorithm algorithm, Secret key) {
        return aeadProvider(algorithm).aead(algorithm, key);
    }

    @Override
    public KeyExchange generateKeyExchange(KeyExchangeGroup group, SecureRandom random) {
        return keyExchangeProvider(group).generateKeyExchange(group, random);
    }

    @Override
    public KeyExchange respondKeyExchange(KeyExchangeGroup group, SecureRandom random) {
        return keyExchangeProvider(group).respondKeyExchange(group, random);
    }

    @Override
    public KeyExchange keyExchangeFromPrivate(KeyExchangeGroup group, byte[] privateKey) {
        return keyExchangeProvider(group).keyExchangeFromPrivate(group, privateKey);
    }

    @Override
    public byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] data, SecureRandom random) {
        return signProvider(algorithm).sign(algorithm, key, data, random);
    }

    @Override
    public boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        return verifyProvider(algorithm).verify(algorithm, key, data, signature);
    }

    @Override
    public byte[] rsaEncrypt(PublicKey key, byte[] premaster, SecureRandom random) {
        return rsaKeyTransport.rsaEncrypt(key, premaster, random);
    }

    @Override
    public Secret rsaDecryptPremaster(PrivateKey key, byte[] encrypted, byte[] fallback, int expectedVersion) {
        return rsaKeyTransport.rsaDecryptPremaster(key, encrypted, fallback, expectedVersion);
    }

    @Override
    public String toString() {
        return "CompositeCryptoProvider[" + name + "]";
    }

    /** Chooses a provider per primitive; unchosen primitives go to the default provider. */
    public static final class Builder {
        private final String name;
        private final CryptoProvider defaultProvider;
        private final Map<HashAlgorithm, CryptoProvider> digests = new EnumMap<>(HashAlgorithm.class);
        private final Map<HashAlgorithm, CryptoProvider> hmacs = new EnumMap<>(HashAlgorithm.class);
        private final Map<AeadAlgorithm, CryptoProvider> aeads = new EnumMap<>(AeadAlgorithm.class);
        private final Map<KeyExchangeGroup, CryptoProvider> keyExchanges = new EnumMap<>(KeyExchangeGroup.class);
        private final Map<SignatureAlgorithm, CryptoProvider> signers = new EnumMap<>(SignatureAlgorithm.class);
        private final Map<SignatureAlgorithm, CryptoProvider> verifiers = new EnumMap<>(SignatureAlgorithm.class);
        private CryptoProvider rsaKeyTransport;

        private Builder(String name, CryptoProvider defaultProvider) {
            this.name = name;
            this.defaultProvider = defaultProvider;
        }

        public Builder digest(HashAlgorithm hash, CryptoProvider provider) {
            digests.put(hash, provider);
            return this;
        }

        public Builder hmac(HashAlgorithm hash, CryptoProvider provider) {
            hmacs.put(hash, provider);
            return this;
        }

        public Builder aead(AeadAlgorithm algorithm, CryptoProvider provider) {
            aeads.put(algorithm, provider);
            return this;
        }

        public Builder keyExchange(KeyExchangeGroup group, CryptoProvider provider) {
            keyExchanges.put(group, provider);
            return this;
        }

        public Builder sign(SignatureAlgorithm algorithm, CryptoProvider provider) {
            signers.put(algorithm, provider);
            return this;
        }

        public Builder verify(SignatureAlgorithm algorithm, CryptoProvider provider) {
            verifiers.put(algorithm, provider);
            return this;
        }

        public Builder rsaKeyTransport(CryptoProvider provider) {
            rsaKeyTransport = provider;
            return this;
        }

        public CompositeCryptoProvider build() {
            return new CompositeCryptoProvider(this);
        }
    }
}
