package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.SignatureAlgorithm;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

/**
 * The primitives TLS needs, as one small bundle (implemented with the JDK's providers and with
 * Bouncy Castle; {@code CryptoProviders.fastest()} mixes them per primitive by measurement).
 *
 * <p>Only the {@code crypto} package imports {@code javax.crypto} or {@code org.bouncycastle}.
 */
public interface CryptoProvider {
    /** A short name for tables and logs, e.g. {@code jdk} or {@code bc}. */
    String name();

    /** Starts a running hash. */
    Digest digest(HashAlgorithm hash);

    /** Computes HMAC(key, data[0] || data[1] || ...) (RFC 2104). */
    byte[] hmac(HashAlgorithm hash, byte[] key, byte[]... data);

    /** Keys an AEAD for one direction. */
    Aead aead(AeadAlgorithm algorithm, Secret key);

    /** Starts the client's side of a key exchange in {@code group}: an ephemeral key pair from {@code random}. */
    KeyExchange generateKeyExchange(KeyExchangeGroup group, SecureRandom random);

    /**
     * Starts the server's side of a key exchange in {@code group}: call {@link KeyExchange#agree} with the
     * client's share first, then {@link KeyExchange#publicShare} (a KEM group encapsulates in {@code agree}).
     * For a Diffie-Hellman group this is {@link #generateKeyExchange}.
     */
    KeyExchange respondKeyExchange(KeyExchangeGroup group, SecureRandom random);

    /** Rebuilds a key exchange from a known private key (test vectors, deterministic runs). */
    KeyExchange keyExchangeFromPrivate(KeyExchangeGroup group, byte[] privateKey);

    /** Signs {@code data} (the whole content, the scheme hashes it) with {@code key}. */
    byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] data, SecureRandom random);

    /** Verifies a signature; false for any bad signature or unsuitable key, never an exception. */
    boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature);

    /** RSAES-PKCS1-v1_5 encryption of a TLS 1.2 premaster secret (RFC 5246 §7.4.7.1). */
    byte[] rsaEncrypt(PublicKey key, byte[] premaster, SecureRandom random);

    /**
     * RSAES-PKCS1-v1_5 decryption with the RFC 5246 §7.4.7.1 countermeasure: on any failure, or a
     * wrong length or version, returns {@code fallback} in constant time instead of failing.
     */
    Secret rsaDecryptPremaster(PrivateKey key, byte[] encrypted, byte[] fallback, int expectedVersion);
}
