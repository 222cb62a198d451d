package io.tlsmachine;

/** A signature scheme we implement, with its SignatureScheme code point (RFC 8446 §4.2.3). */
public enum SignatureAlgorithm {
    ECDSA_SECP256R1_SHA256(0x0403),
    ECDSA_SECP384R1_SHA384(0x0503),
    ECDSA_SECP521R1_SHA512(0x0603),
    RSA_PSS_RSAE_SHA256(0x0804),
    RSA_PSS_RSAE_SHA384(0x0805),
    RSA_PSS_RSAE_SHA512(0x0806),
    RSA_PSS_PSS_SHA256(0x0809),
    RSA_PSS_PSS_SHA384(0x080A),
    RSA_PSS_PSS_SHA512(0x080B),
    ED25519(0x0807),
    ED448(0x0808),
    /** TLS 1.2 and certificates only; never a TLS 1.3 CertificateVerify (RFC 8446 §4.4.3). */
    RSA_PKCS1_SHA256(0x0401),
    RSA_PKCS1_SHA384(0x0501),
    RSA_PKCS1_SHA512(0x0601);

    private final int code;

    SignatureAlgorithm(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether RFC 8446 §4.4.3 allows this scheme in a TLS 1.3 CertificateVerify. */
    public boolean allowedInTls13CertificateVerify() {
        return switch (this) {
            case RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512 -> false;
            default -> true;
        };
    }

    /** Returns the scheme with this code point, or null when we do not implement it. */
    public static SignatureAlgorithm fromCode(int code) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.code == code) {
                return algorithm;
            }
        }
        return null;
    }
}
