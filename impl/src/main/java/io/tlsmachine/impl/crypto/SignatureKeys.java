package io.tlsmachine.impl.crypto;

import io.tlsmachine.SignatureAlgorithm;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECParameterSpec;

/**
 * Which keys suit which signature scheme (RFC 8446 §4.2.3), and each scheme's hash.
 *
 * <p>rsa_pss_rsae_* and rsa_pkcs1_* need an rsaEncryption key, rsa_pss_pss_* an RSASSA-PSS key,
 * ecdsa_* an EC key, ed25519/ed448 an EdDSA key on that curve. The curve of an ECDSA key is not
 * checked here, because TLS 1.2 allows any curve with e.g. ecdsa_secp256r1_sha256; TLS 1.3 code
 * also calls {@link #ecdsaCurveMatches}.
 */
public final class SignatureKeys {
    private SignatureKeys() {}

    /** Whether {@code key} (public or private) has the type {@code algorithm} signs with. */
    public static boolean suits(SignatureAlgorithm algorithm, Key key) {
        if (key == null) {
            return false;
        }
        return switch (algorithm) {
            case ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512 -> key instanceof ECKey;
            case RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512,
                    RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512 ->
                    key instanceof RSAKey && "RSA".equals(key.getAlgorithm());
            case RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512 ->
                    key instanceof RSAKey && "RSASSA-PSS".equals(key.getAlgorithm());
            case ED25519 -> key instanceof EdECKey edKey && "Ed25519".equalsIgnoreCase(edKey.getParams().getName());
            case ED448 -> key instanceof EdECKey edKey && "Ed448".equalsIgnoreCase(edKey.getParams().getName());
        };
    }

    /**
     * RFC 8446 §4.2.3: in TLS 1.3 an ecdsa_* scheme names the curve too; true when the key lies
     * on it (and for every non-ECDSA scheme).
     */
    public static boolean ecdsaCurveMatches(SignatureAlgorithm algorithm, Key key) {
        int expectedFieldBits = switch (algorithm) {
            case ECDSA_SECP256R1_SHA256 -> 256;
            case ECDSA_SECP384R1_SHA384 -> 384;
            case ECDSA_SECP521R1_SHA512 -> 521;
            default -> 0;
        };
        if (expectedFieldBits == 0) {
            return true;
        }
        if (!(key instanceof ECKey ecKey)) {
            return false;
        }
        ECParameterSpec parameters = ecKey.getParams();
        return parameters.getCurve().getField().getFieldSize() == expectedFieldBits && parameters.getCofactor() == 1;
    }

    /** Returns the hash the scheme applies to the content; empty for EdDSA, which hashes internally. */
    public static java.util.Optional<HashAlgorithm> hash(SignatureAlgorithm algorithm) {
        return java.util.Optional.ofNullable(switch (algorithm) {
            case ECDSA_SECP256R1_SHA256, RSA_PSS_RSAE_SHA256, RSA_PSS_PSS_SHA256, RSA_PKCS1_SHA256 -> HashAlgorithm.SHA256;
            case ECDSA_SECP384R1_SHA384, RSA_PSS_RSAE_SHA384, RSA_PSS_PSS_SHA384, RSA_PKCS1_SHA384 -> HashAlgorithm.SHA384;
            case ECDSA_SECP521R1_SHA512, RSA_PSS_RSAE_SHA512, RSA_PSS_PSS_SHA512, RSA_PKCS1_SHA512 -> HashAlgorithm.SHA512;
            case ED25519, ED448 -> null;
        });
    }

    /**
     * Whether {@code signature} has a length the scheme can produce: exactly 64 bytes for Ed25519
     * and 114 for Ed448 (RFC 8032 §5.1.7 / §5.2.7; the JDK 17 verifier ignores trailing bytes),
     * and any length for the others, whose verifiers check it themselves.
     */
    public static boolean plausibleLength(SignatureAlgorithm algorithm, byte[] signature) {
        if (signature == null) {
            return false;
        }
        return switch (algorithm) {
            case ED25519 -> signature.length == 64;
            case ED448 -> signature.length == 114;
            default -> signature.length > 0;
        };
    }

    /** Whether the scheme is RSASSA-PSS (either key type). */
    public static boolean isPss(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512,
                    RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512 -> true;
            default -> false;
        };
    }
}
