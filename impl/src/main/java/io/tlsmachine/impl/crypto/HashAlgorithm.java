package io.tlsmachine.impl.crypto;

/** A hash function used by cipher suites, HKDF, the TLS 1.2 PRF and transcripts. */
public enum HashAlgorithm {
    SHA256("SHA-256", "HmacSHA256", 32),
    SHA384("SHA-384", "HmacSHA384", 48),
    SHA512("SHA-512", "HmacSHA512", 64);

    private final String jcaName;
    private final String hmacJcaName;
    private final int length;

    HashAlgorithm(String jcaName, String hmacJcaName, int length) {
        this.jcaName = jcaName;
        this.hmacJcaName = hmacJcaName;
        this.length = length;
    }

    /** Returns the JCA name of the digest, e.g. {@code SHA-256}. */
    public String jcaName() {
        return jcaName;
    }

    /** Returns the JCA name of the HMAC, e.g. {@code HmacSHA256}. */
    public String hmacJcaName() {
        return hmacJcaName;
    }

    /** Returns the output length in bytes (Hash.length in RFC 8446 §7.1). */
    public int length() {
        return length;
    }
}
