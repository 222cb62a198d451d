package io.tlsmachine.impl.certificate;

import io.tlsmachine.impl.codec.types.ProtocolVersion;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.impl.crypto.SignatureAlgorithm;
import io.tlsmachine.impl.error.Reason;
import io.tlsmachine.impl.error.TlsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses which of our certificates a server presents, and the scheme it signs with, from the
 * client's server_name and signature_algorithms (RFC 8446 §4.4.2.2 server certificate selection).
 *
 * <ol>
 *   <li>RFC 6066 §3: candidates whose leaf is valid for the requested server name come first;
 *       when none is (or no name was sent), every candidate stays eligible, and the server goes on
 *       with its default (the first), leaving the client to reject it.</li>
 *   <li>RFC 8446 §4.4.2.2: the leaf's key must be able to sign with a scheme from the client's
 *       signature_algorithms; the scheme is chosen by {@link SignatureSchemes#select} (the
 *       client's order). Candidates are tried in our configured order.</li>
 * </ol>
 *
 * <p>signature_algorithms_cert (how the chain itself is signed) is a SHOULD that we do not apply:
 * RFC 8446 §4.4.2.2 lets a server send its chain anyway when it has no better one.
 */
public final class ServerCredentialSelector {
    private ServerCredentialSelector() {}

    /** The credentials to present and the scheme for their CertificateVerify or ServerKeyExchange. */
    public record Selection(CertifiedKey credentials, SignatureAlgorithm scheme) {}

    /**
     * Selects credentials among {@code candidates} (our preference order).
     *
     * @param serverName the client's server_name, if it sent one
     * @throws TlsException NO_COMMON_SIGNATURE_SCHEME (handshake_failure) when no candidate's key can
     *     sign with any scheme the client offered and we enabled
     */
    public static Selection select(List<CertifiedKey> candidates, Optional<String> serverName,
            List<SignatureScheme> clientSignatureAlgorithms, List<SignatureAlgorithm> ourEnabled, ProtocolVersion version) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one certificate");
        }
        for (CertifiedKey candidate : byServerName(candidates, serverName)) {
            Optional<SignatureAlgorithm> scheme =
                    SignatureSchemes.trySelect(clientSignatureAlgorithms, ourEnabled, candidate.privateKey(), version);
            if (scheme.isPresent()) {
                return new Selection(candidate, scheme.get());
            }
        }
        throw TlsException.fatal(Reason.NO_COMMON_SIGNATURE_SCHEME, "none of our " + candidates.size()
                + " certificates can sign with the client's signature schemes "
                + clientSignatureAlgorithms.stream().map(SignatureScheme::name).toList() + " in " + version);
    }

    private static List<CertifiedKey> byServerName(List<CertifiedKey> candidates, Optional<String> serverName) {
        if (serverName.isEmpty()) {
            return candidates;
        }
        List<CertifiedKey> matching = new ArrayList<>();
        for (CertifiedKey candidate : candidates) {
            if (validFor(candidate, serverName.get())) {
                matching.add(candidate);
            }
        }
        return matching.isEmpty() ? candidates : matching;
    }

    private static boolean validFor(CertifiedKey candidate, String serverName) {
        try {
            HostnameVerifier.verify(candidate.chain().leaf(), serverName);
            return true;
        } catch (TlsException | IllegalArgumentException e) {
            return false;
        }
    }
}
