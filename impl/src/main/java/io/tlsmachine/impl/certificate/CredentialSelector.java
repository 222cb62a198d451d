package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertifiedKey;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses which of our certificates to present, and the scheme to sign with: a server from the
 * client's server_name and signature_algorithms (RFC 8446 §4.4.2.2), a client from the
 * CertificateRequest's certificate_authorities and signature_algorithms (RFC 8446 §4.4.2.3).
 *
 * <p>Candidates are tried in our configured order; preferred ones (valid for the server name, or
 * issued under a requested CA) first, then, when none of those fits, the rest. A server also
 * prefers, within each of those tiers, a chain signed only with schemes of the client's
 * signature_algorithms_cert (else signature_algorithms; RFC 8446 §4.2.3, §4.4.2.2, RFC 5246
 * §7.4.2), but presents another when it has no such chain: "If the server cannot produce a
 * certificate chain that is signed only via the indicated supported algorithms, then it SHOULD
 * continue the handshake by sending the client a certificate chain of its choice" (§4.4.2.2).
 * The scheme is chosen by {@link SignatureSchemes#select} (the peer's order).
 */
public final class CredentialSelector {
    private CredentialSelector() {}

    /** The credentials to present and the scheme for their CertificateVerify or ServerKeyExchange. */
    public record Selection(CertifiedKey credentials, SignatureAlgorithm scheme) {}

    /**
     * Selects a server's credentials. RFC 6066 §3: when no candidate is valid for the requested
     * name (or none was sent) the server goes on with one that can sign, leaving the client to
     * reject it.
     *
     * @param serverName the client's server_name, if it sent one
     * @throws TlsException NO_COMMON_SIGNATURE_SCHEME (handshake_failure) when no candidate's key
     *     can sign with any scheme the client offered and we enabled
     */
    public static Selection forServer(List<CertifiedKey> candidates, Optional<String> serverName,
            List<SignatureScheme> clientSignatureAlgorithms, List<SignatureAlgorithm> ourEnabled, VersionCode version) {
        return forServer(candidates, serverName, clientSignatureAlgorithms, clientSignatureAlgorithms, ourEnabled, version);
    }

    /**
     * {@link #forServer(List, Optional, List, List, ProtocolVersion)} with the client's signature_algorithms_cert
     * ({@code certificateSchemes}; pass signature_algorithms when it sent none).
     *
     * @throws TlsException NO_COMMON_SIGNATURE_SCHEME (handshake_failure, RFC 8446 §4.2.3 and §4.4.2.2: "the
     *     server MUST ... abort the handshake" when it cannot sign with an offered scheme) when none fits
     */
    public static Selection forServer(List<CertifiedKey> candidates, Optional<String> serverName,
            List<SignatureScheme> clientSignatureAlgorithms, List<SignatureScheme> certificateSchemes,
            List<SignatureAlgorithm> ourEnabled, VersionCode version) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one certificate");
        }
        return forServerIfAny(candidates, serverName, clientSignatureAlgorithms, certificateSchemes, ourEnabled, version)
                .orElseThrow(() -> TlsException.fatal(Reason.NO_COMMON_SIGNATURE_SCHEME, "none of our " + candidates.size()
                        + " certificates can sign with the client's signature schemes " + names(clientSignatureAlgorithms)
                        + " in " + version));
    }

    /** The server's selection among {@code candidates} (already narrowed, e.g. to a TLS 1.2 suite's key type); empty when none fits. */
    public static Optional<Selection> forServerIfAny(List<CertifiedKey> candidates, Optional<String> serverName,
            List<SignatureScheme> clientSignatureAlgorithms, List<SignatureScheme> certificateSchemes,
            List<SignatureAlgorithm> ourEnabled, VersionCode version) {
        Predicate<CertifiedKey> forName = candidate -> serverName.isPresent() && validFor(candidate, serverName.get());
        Predicate<CertifiedKey> signedAsAsked = candidate -> ChainSignatures.allSignedWith(candidate.chain(), certificateSchemes);
        List<CertifiedKey> ordered = new ArrayList<>();
        for (Predicate<CertifiedKey> tier : List.of(forName.and(signedAsAsked), forName, signedAsAsked, c -> true)) {
            candidates.stream().filter(tier).filter(c -> !ordered.contains(c)).forEach(ordered::add);
        }
        return firstThatSigns(ordered, c -> true, clientSignatureAlgorithms, ourEnabled, version);
    }

    /**
     * Selects a client's credentials for a CertificateRequest; empty when none can sign with the
     * server's schemes, so the client sends an empty Certificate (RFC 8446 §4.4.2.3) and the
     * server decides.
     *
     * @param certificateAuthorities the DER distinguished names of the certificate_authorities
     *     extension (RFC 8446 §4.2.4), empty when absent
     */
    public static Optional<Selection> forClient(List<CertifiedKey> candidates, List<byte[]> certificateAuthorities,
            List<SignatureScheme> serverSignatureAlgorithms, List<SignatureAlgorithm> ourEnabled, VersionCode version) {
        Predicate<CertifiedKey> preferred = candidate -> issuedUnder(candidate, certificateAuthorities);
        return firstThatSigns(candidates, preferred, serverSignatureAlgorithms, ourEnabled, version);
    }

    private static Optional<Selection> firstThatSigns(List<CertifiedKey> candidates, Predicate<CertifiedKey> preferred,
            List<SignatureScheme> peerSchemes, List<SignatureAlgorithm> ourEnabled, VersionCode version) {
        List<CertifiedKey> ordered = new ArrayList<>(candidates.stream().filter(preferred).toList());
        candidates.stream().filter(preferred.negate()).forEach(ordered::add);
        for (CertifiedKey candidate : ordered) {
            Optional<SignatureAlgorithm> scheme = SignatureSchemes.trySelect(peerSchemes, ourEnabled, candidate.privateKey(), version);
            if (scheme.isPresent()) {
                return Optional.of(new Selection(candidate, scheme.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean validFor(CertifiedKey candidate, String serverName) {
        try {
            HostnameVerifier.verify(candidate.chain().leaf(), serverName);
            return true;
        } catch (TlsException | IllegalArgumentException e) {
            return false;
        }
    }

    /** RFC 8446 §4.4.2.3: "at least one of the certificates in the certificate chain SHOULD be issued by one of the listed CAs". */
    private static boolean issuedUnder(CertifiedKey candidate, List<byte[]> certificateAuthorities) {
        for (X509Certificate certificate : candidate.chain().certificates()) {
            byte[] issuer = certificate.getIssuerX500Principal().getEncoded();
            if (certificateAuthorities.stream().anyMatch(name -> Arrays.equals(name, issuer))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(List<SignatureScheme> schemes) {
        return schemes.stream().map(SignatureScheme::name).toList();
    }
}
