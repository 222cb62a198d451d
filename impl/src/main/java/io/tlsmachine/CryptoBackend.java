package io.tlsmachine;

/** Names which cryptography implementation an endpoint uses for its primitives (AEAD, hashes, key exchange, signatures). */
public enum CryptoBackend {
    /** The faster of the two for each primitive, as measured in {@code bench/CRYPTO.md} (the default). */
    FASTEST,
    /** The JDK's own JCA providers. */
    JDK,
    /** Bouncy Castle's lightweight API. */
    BOUNCY_CASTLE
}
