package io.tlsmachine;

/** A signature scheme we implement, with its SignatureScheme code point (RFC 8446 §4.2.3). */
public enum SignatureAlgorithm {
    /** ECDSA on secp256r1 with SHA-256 ({@code ecdsa_secp256r1_sha256}, 0x0403). */
    ECDSA_SECP256R1_SHA256(0x0403),
    /** ECDSA on secp384r1 with SHA-384 ({@code ecdsa_secp384r1_sha384}, 0x0503). */
    ECDSA_SECP384R1_SHA384(0x0503),
    /** ECDSA on secp521r1 with SHA-512 ({@code ecdsa_secp521r1_sha512}, 0x0603). */
    ECDSA_SECP521R1_SHA512(0x0603),
    /** RSASSA-PSS with SHA-256, the key an rsaEncryption one ({@code rsa_pss_rsae_sha256}, 0x0804). */
    RSA_PSS_RSAE_SHA256(0x0804),
    /** RSASSA-PSS with SHA-384, the key an rsaEncryption one ({@code rsa_pss_rsae_sha384}, 0x0805). */
    RSA_PSS_RSAE_SHA384(0x0805),
    /** RSASSA-PSS with SHA-512, the key an rsaEncryption one ({@code rsa_pss_rsae_sha512}, 0x0806). */
    RSA_PSS_RSAE_SHA512(0x0806),
    /** RSASSA-PSS with SHA-256, the key an RSASSA-PSS one ({@code rsa_pss_pss_sha256}, 0x0809). */
    RSA_PSS_PSS_SHA256(0x0809),
    /** RSASSA-PSS with SHA-384, the key an RSASSA-PSS one ({@code rsa_pss_pss_sha384}, 0x080A). */
    RSA_PSS_PSS_SHA384(0x080A),
    /** RSASSA-PSS with SHA-512, the key an RSASSA-PSS one ({@code rsa_pss_pss_sha512}, 0x080B). */
    RSA_PSS_PSS_SHA512(0x080B),
    /** EdDSA on Curve25519 ({@code ed25519}, 0x0807, RFC 8032). */
    ED25519(0x0807),
    /** EdDSA on Curve448 ({@code ed448}, 0x0808, RFC 8032). */
    ED448(0x0808),
    /** TLS 1.2 and certificates only; never a TLS 1.3 CertificateVerify (RFC 8446 §4.4.3). */
    RSA_PKCS1_SHA256(0x0401),
    /** RSASSA-PKCS1-v1_5 with SHA-384 ({@code rsa_pkcs1_sha384}, 0x0501); TLS 1.2 and certificates only. */
    RSA_PKCS1_SHA384(0x0501),
    /** RSASSA-PKCS1-v1_5 with SHA-512 ({@code rsa_pkcs1_sha512}, 0x0601); TLS 1.2 and certificates only. */
    RSA_PKCS1_SHA512(0x0601);

    private final int code;

    SignatureAlgorithm(int code) {
        this.code = code;
    }

    /** {@return the SignatureScheme code point} */
    public int code() {
        return code;
    }

    /** {@return whether RFC 8446 §4.4.3 allows this scheme in a TLS 1.3 CertificateVerify} */
    public boolean allowedInTls13CertificateVerify() {
        return switch (this) {
            case RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512 -> false;
            default -> true;
        };
    }

    /**
     * {@return the scheme with this code point, or null when we do not implement it}
     * @param code the SignatureScheme code point
     */
    public static SignatureAlgorithm fromCode(int code) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.code == code) {
                return algorithm;
            }
        }
        return null;
    }
}
