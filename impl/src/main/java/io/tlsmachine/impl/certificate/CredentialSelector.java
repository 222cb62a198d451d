package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertifiedKey;
import io.tlsmachine.impl.codec.types.ProtocolVersion;
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
 * issued under a requested CA) first, then, when none of those fits, the rest. The scheme is
 * chosen by {@link SignatureSchemes#select} (the peer's order). signature_algorithms_cert (how
 * the chain itself is signed) is a SHOULD we do not apply: RFC 8446 §4.4.2.2 lets a peer send
 * its chain anyway when it has no better one.
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
            List<SignatureScheme> clientSignatureAlgorithms, List<SignatureAlgorithm> ourEnabled, ProtocolVersion version) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one certificate");
        }
        Predicate<CertifiedKey> preferred = candidate -> serverName.isPresent() && validFor(candidate, serverName.get());
        return firstThatSigns(candidates, preferred, clientSignatureAlgorithms, ourEnabled, version)
                .orElseThrow(() -> TlsException.fatal(Reason.NO_COMMON_SIGNATURE_SCHEME, "none of our " + candidates.size()
                        + " certificates can sign with the client's signature schemes " + names(clientSignatureAlgorithms)
                        + " in " + version));
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
            List<SignatureScheme> serverSignatureAlgorithms, List<SignatureAlgorithm> ourEnabled, ProtocolVersion version) {
        Predicate<CertifiedKey> preferred = candidate -> issuedUnder(candidate, certificateAuthorities);
        return firstThatSigns(candidates, preferred, serverSignatureAlgorithms, ourEnabled, version);
    }

    private static Optional<Selection> firstThatSigns(List<CertifiedKey> candidates, Predicate<CertifiedKey> preferred,
            List<SignatureScheme> peerSchemes, List<SignatureAlgorithm> ourEnabled, ProtocolVersion version) {
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
