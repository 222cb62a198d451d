package io.tlsmachine.impl.crypto.providers;

import io.tlsmachine.impl.crypto.CompositeCryptoProvider;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.impl.crypto.bc.BouncyCastleCryptoProvider;
import io.tlsmachine.impl.crypto.jdk.JdkCryptoProvider;
import io.tlsmachine.CryptoBackend;

/** The crypto providers to choose from: the JDK's, Bouncy Castle's, and the fastest mix of both. */
public final class CryptoProviders {
    private static final CryptoProvider JDK = JdkCryptoProvider.INSTANCE;
    private static final CryptoProvider BC = BouncyCastleCryptoProvider.INSTANCE;

    /**
     * The choices of {@code bench/CRYPTO.md} (JMH, {@code bench/crypto.sh}, measured on a quiet machine): Bouncy
     * Castle where its median was at least 10 % below the JDK's, the JDK everywhere else. The JDK wins every
     * digest and HMAC (2-13x), every AEAD (AES-GCM about 50x, ChaCha20-Poly1305 about 2.5x), FFDHE, RSA signing,
     * RSA verification and RSA premaster decryption (RSA within 0-12 %: JDK kept by the rule); Bouncy Castle wins
     * X25519, X448, P-256, P-384 and P-521 key exchange (2-8x; P-521 measured alone on a loaded machine, see the table's note) and ECDSA and EdDSA signing and verification (up to 20x).
     * An earlier run on a loaded machine had flipped the RSA rows; {@code FastestChoicesTest} keeps this list and
     * the table in step: rerun the script, then update both. The KEM rows (both sides of the exchange, re-measured
     * alone on a loaded machine, see the table's note): Bouncy Castle wins every one, the hybrids by 2-8x (mostly
     * their classical half) and ML-KEM alone by 1.2-1.8x (its lightweight classes against the JCA path, the jdk
     * column, over Bouncy Castle's JCA provider); an earlier run under twice the load had the pure rows the other
     * way round, within its noise.
     */
    private static final CompositeCryptoProvider FASTEST = CompositeCryptoProvider.builder("fastest", JDK)
            .keyExchange(KeyExchangeGroup.SECP256R1, BC)
            .keyExchange(KeyExchangeGroup.SECP384R1, BC)
            .keyExchange(KeyExchangeGroup.SECP521R1, BC)
            .keyExchange(KeyExchangeGroup.X25519, BC)
            .keyExchange(KeyExchangeGroup.X448, BC)
            .keyExchange(KeyExchangeGroup.X25519MLKEM768, BC)
            .keyExchange(KeyExchangeGroup.SECP256R1MLKEM768, BC)
            .keyExchange(KeyExchangeGroup.SECP384R1MLKEM1024, BC)
            .keyExchange(KeyExchangeGroup.MLKEM768, BC)
            .keyExchange(KeyExchangeGroup.MLKEM1024, BC)
            .sign(SignatureAlgorithm.ECDSA_SECP256R1_SHA256, BC)
            .sign(SignatureAlgorithm.ECDSA_SECP384R1_SHA384, BC)
            .sign(SignatureAlgorithm.ECDSA_SECP521R1_SHA512, BC)
            .sign(SignatureAlgorithm.ED25519, BC)
            .sign(SignatureAlgorithm.ED448, BC)
            .verify(SignatureAlgorithm.ECDSA_SECP256R1_SHA256, BC)
            .verify(SignatureAlgorithm.ECDSA_SECP384R1_SHA384, BC)
            .verify(SignatureAlgorithm.ECDSA_SECP521R1_SHA512, BC)
            .verify(SignatureAlgorithm.ED25519, BC)
            .verify(SignatureAlgorithm.ED448, BC)
            .build();

    private CryptoProviders() {}

    /** Returns the provider built on the JDK's own JCA providers. */
    public static CryptoProvider jdk() {
        return JDK;
    }

    /** Returns the provider built on Bouncy Castle's lightweight API. */
    public static CryptoProvider bouncyCastle() {
        return BC;
    }

    /**
     * Returns the faster implementation of each primitive, as measured in {@code bench/CRYPTO.md}
     * (the {@code FASTEST} field lists the choices and the rule).
     */
    public static CryptoProvider fastest() {
        return FASTEST;
    }

    /** Returns the provider a configuration names. */
    public static CryptoProvider of(CryptoBackend backend) {
        return switch (backend) {
            case FASTEST -> FASTEST;
            case JDK -> JDK;
            case BOUNCY_CASTLE -> BC;
        };
    }
}
