package io.tlsmachine.impl.crypto;

/** An AEAD algorithm of RFC 5116 as used by TLS record protection. */
public enum AeadAlgorithm {
    /** RFC 5116 §5.1. */
    AES_128_GCM(16, 12, 16),
    /** RFC 5116 §5.2. */
    AES_256_GCM(32, 12, 16),
    /** RFC 8439 §2.8. */
    CHACHA20_POLY1305(32, 12, 16);

    private final int keyLength;
    private final int nonceLength;
    private final int tagLength;

    AeadAlgorithm(int keyLength, int nonceLength, int tagLength) {
        this.keyLength = keyLength;
        this.nonceLength = nonceLength;
        this.tagLength = tagLength;
    }

    public int keyLength() {
        return keyLength;
    }

    public int nonceLength() {
        return nonceLength;
    }

    public int tagLength() {
        return tagLength;
    }
}
