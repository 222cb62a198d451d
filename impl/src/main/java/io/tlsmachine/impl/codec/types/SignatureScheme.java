package io.tlsmachine.impl.codec.types;

/**
 * A signature scheme code point; also the TLS 1.2 {@code SignatureAndHashAlgorithm} (hash byte,
 * signature byte), which RFC 8446 §4.2.3 made the same 16-bit space. Unknown values are kept as data.
 *
 * <pre>
 * // RFC 8446 §4.2.3; RFC 5246 §7.4.1.4.1
 * enum { rsa_pkcs1_sha256(0x0401), ..., ed25519(0x0807), ..., (0xFFFF) } SignatureScheme;
 * struct { HashAlgorithm hash; SignatureAlgorithm signature; } SignatureAndHashAlgorithm;  // TLS 1.2
 * </pre>
 */
public record SignatureScheme(int code) {
    public static final SignatureScheme RSA_PKCS1_SHA1 = new SignatureScheme(0x0201);
    public static final SignatureScheme ECDSA_SHA1 = new SignatureScheme(0x0203);
    public static final SignatureScheme RSA_PKCS1_SHA256 = new SignatureScheme(0x0401);
    public static final SignatureScheme RSA_PKCS1_SHA384 = new SignatureScheme(0x0501);
    public static final SignatureScheme RSA_PKCS1_SHA512 = new SignatureScheme(0x0601);
    public static final SignatureScheme ECDSA_SECP256R1_SHA256 = new SignatureScheme(0x0403);
    public static final SignatureScheme ECDSA_SECP384R1_SHA384 = new SignatureScheme(0x0503);
    public static final SignatureScheme ECDSA_SECP521R1_SHA512 = new SignatureScheme(0x0603);
    public static final SignatureScheme RSA_PSS_RSAE_SHA256 = new SignatureScheme(0x0804);
    public static final SignatureScheme RSA_PSS_RSAE_SHA384 = new SignatureScheme(0x0805);
    public static final SignatureScheme RSA_PSS_RSAE_SHA512 = new SignatureScheme(0x0806);
    public static final SignatureScheme ED25519 = new SignatureScheme(0x0807);
    public static final SignatureScheme ED448 = new SignatureScheme(0x0808);
    public static final SignatureScheme RSA_PSS_PSS_SHA256 = new SignatureScheme(0x0809);
    public static final SignatureScheme RSA_PSS_PSS_SHA384 = new SignatureScheme(0x080A);
    public static final SignatureScheme RSA_PSS_PSS_SHA512 = new SignatureScheme(0x080B);

    public SignatureScheme {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("SignatureScheme out of range: " + code);
        }
    }

    /** Returns the RFC name of this code point, or {@code unknown(0xXXXX)}. */
    public String name() {
        return switch (code) {
            case 0x0201 -> "rsa_pkcs1_sha1";
            case 0x0203 -> "ecdsa_sha1";
            case 0x0401 -> "rsa_pkcs1_sha256";
            case 0x0501 -> "rsa_pkcs1_sha384";
            case 0x0601 -> "rsa_pkcs1_sha512";
            case 0x0403 -> "ecdsa_secp256r1_sha256";
            case 0x0503 -> "ecdsa_secp384r1_sha384";
            case 0x0603 -> "ecdsa_secp521r1_sha512";
            case 0x0804 -> "rsa_pss_rsae_sha256";
            case 0x0805 -> "rsa_pss_rsae_sha384";
            case 0x0806 -> "rsa_pss_rsae_sha512";
            case 0x0807 -> "ed25519";
            case 0x0808 -> "ed448";
            case 0x0809 -> "rsa_pss_pss_sha256";
            case 0x080A -> "rsa_pss_pss_sha384";
            case 0x080B -> "rsa_pss_pss_sha512";
            case 0x0402 -> "dsa_sha256 (TLS 1.2)";
            case 0x0202 -> "dsa_sha1 (TLS 1.2)";
            default -> String.format("unknown(0x%04X)", code);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
