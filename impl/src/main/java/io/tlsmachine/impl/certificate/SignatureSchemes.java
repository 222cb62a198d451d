package io.tlsmachine.impl.certificate;

import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.impl.crypto.SignatureKeys;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which signature schemes a certificate's key can produce or verify in each TLS version, choosing
 * ours from the peer's signature_algorithms, and checking the scheme the peer chose.
 *
 * <p>Key ↔ scheme rules (RFC 8446 §4.2.3): an EC key signs ecdsa_*, an rsaEncryption key
 * rsa_pss_rsae_* and rsa_pkcs1_*, an RSASSA-PSS key rsa_pss_pss_*, an EdDSA key its own curve's
 * scheme. TLS 1.3 adds two restrictions: ecdsa_* binds the curve (secp256r1 with SHA-256, ...),
 * and rsa_pkcs1_* never signs a CertificateVerify (RFC 8446 §4.4.3). TLS 1.2 lets an ECDSA key
 * on any curve use any ecdsa_* hash.
 *
 * <p>Selection policy: <b>the peer's order</b>. The peer lists the schemes it is willing to verify
 * "in descending order of preference" (RFC 5246 §7.4.1.4.1; RFC 8446 §4.2.3 keeps the list), and
 * it is the peer's verifier that must cope, so we take the first scheme of its list that we enabled
 * and our key can produce. Our own list only filters (RFC 8446 §4.4.2.2: the certificate, and so
 * the scheme, must suit the peer's signature_algorithms).
 */
public final class SignatureSchemes {
    private SignatureSchemes() {}

    /** Whether {@code key} (public or private) can produce or verify {@code algorithm} in {@code version}. */
    public static boolean usableWith(SignatureAlgorithm algorithm, Key key, VersionCode version) {
        if (!SignatureKeys.suits(algorithm, key)) {
            return false;
        }
        if (isTls13(version)) {
            // RFC 8446 §4.4.3 (no PKCS#1 v1.5 in CertificateVerify) and §4.2.3 (ECDSA curve bound to the hash).
            return algorithm.allowedInTls13CertificateVerify() && SignatureKeys.ecdsaCurveMatches(algorithm, key);
        }
        return true;
    }

    /** Returns every scheme {@code key} can produce or verify in {@code version}, in {@link SignatureAlgorithm} order. */
    public static List<SignatureAlgorithm> usableWith(Key key, VersionCode version) {
        List<SignatureAlgorithm> usable = new ArrayList<>();
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            if (usableWith(algorithm, key, version)) {
                usable.add(algorithm);
            }
        }
        return usable;
    }

    /**
     * Chooses the scheme we sign with (our CertificateVerify, or TLS 1.2 ServerKeyExchange): the
     * first of {@code peerOffered} that is in {@code ourEnabled} and that {@code ourKey} can
     * produce in {@code version}.
     *
     * @throws TlsException NO_COMMON_SIGNATURE_SCHEME (handshake_failure, RFC 8446 §4.2.3 and
     *     §4.4.2.2) when there is none; an empty TLS 1.2 list means SHA-1 only (RFC 5246
     *     §7.4.1.4.1), which we do not implement
     */
    public static SignatureAlgorithm select(List<SignatureScheme> peerOffered, List<SignatureAlgorithm> ourEnabled,
            Key ourKey, VersionCode version) {
        return trySelect(peerOffered, ourEnabled, ourKey, version).orElseThrow(() -> TlsException.fatal(Reason.NO_COMMON_SIGNATURE_SCHEME, "none of the peer's " + peerOffered.size()
                + " signature schemes " + names(peerOffered) + " is enabled here and usable with our "
                + ourKey.getAlgorithm() + " key in " + version));
    }

    /** {@link #select} without the failure: empty when nothing fits. */
    static Optional<SignatureAlgorithm> trySelect(List<SignatureScheme> peerOffered, List<SignatureAlgorithm> ourEnabled,
            Key ourKey, VersionCode version) {
        for (SignatureScheme offered : peerOffered) {
            SignatureAlgorithm algorithm = SignatureAlgorithm.fromCode(offered.code());
            if (algorithm != null && ourEnabled.contains(algorithm) && usableWith(algorithm, ourKey, version)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the scheme the peer signed with (its CertificateVerify, or a TLS 1.2
     * ServerKeyExchange) and returns it.
     *
     * <p>RFC 8446 §4.4.3: the scheme must be one we offered in signature_algorithms, and (§4.2.3)
     * fit the peer's certificate key; RFC 5246 §7.4.1.4.1 says the same for TLS 1.2.
     *
     * @throws TlsException ILLEGAL_PARAMETER when we did not offer it, do not know it, or it does
     *     not fit the key
     */
    public static SignatureAlgorithm checkPeerChoice(SignatureScheme chosen, List<SignatureAlgorithm> weOffered,
            PublicKey peerKey, VersionCode version) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.fromCode(chosen.code());
        if (algorithm == null || !weOffered.contains(algorithm)) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "the peer signed with " + chosen.name() + ", which we did not offer");
        }
        if (!usableWith(algorithm, peerKey, version)) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "the peer signed with " + chosen.name()
                    + ", which its " + peerKey.getAlgorithm() + " certificate key cannot produce in " + version);
        }
        return algorithm;
    }

    private static boolean isTls13(VersionCode version) {
        if (version.equals(VersionCode.TLS13) || version.isTls13Draft()) {
            return true;
        }
        if (version.equals(VersionCode.TLS12)) {
            return false;
        }
        throw new IllegalArgumentException("signature schemes exist in TLS 1.2 and 1.3 only, not " + version);
    }

    private static List<String> names(List<SignatureScheme> schemes) {
        return schemes.stream().map(SignatureScheme::name).toList();
    }
}
