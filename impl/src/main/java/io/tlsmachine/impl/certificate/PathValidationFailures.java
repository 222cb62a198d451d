package io.tlsmachine.impl.certificate;

import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Turns a PKIX validation failure into the {@link Reason} whose alert says why (RFC 8446 §6.2),
 * with a message naming the failing certificate.
 *
 * <pre>
 * EXPIRED, NOT_YET_VALID                      → CERTIFICATE_EXPIRED ("expired or is not currently valid")
 * REVOKED                                     → CERTIFICATE_REVOKED
 * UNDETERMINED_REVOCATION_STATUS              → CERTIFICATE_UNKNOWN
 * NO_TRUST_ANCHOR                             → UNKNOWN_CA
 * UNRECOGNIZED_CRIT_EXT                       → UNSUPPORTED_CERTIFICATE
 * INVALID_SIGNATURE, ALGORITHM_CONSTRAINED,
 *   NOT_CA_CERT, PATH_TOO_LONG, INVALID_KEY_USAGE,
 *   INVALID_NAME, NAME_CHAINING, INVALID_POLICY → BAD_CERTIFICATE
 * anything else                               → CERTIFICATE_UNKNOWN
 * </pre>
 */
public final class PathValidationFailures {
    private PathValidationFailures() {}

    public static TlsException toTlsException(CertPathValidatorException failure, List<X509Certificate> path, Instant now) {
        int index = failure.getIndex();
        X509Certificate certificate = index >= 0 && index < path.size() ? path.get(index) : null;
        String which = certificate == null ? "the chain" : "certificate " + index + " (" + certificate.getSubjectX500Principal().getName() + ")";
        CertPathValidatorException.Reason reason = failure.getReason();
        Throwable cause = failure.getCause();
        if (reason == BasicReason.EXPIRED || cause instanceof CertificateExpiredException) {
            String when = certificate == null ? "" : " at " + certificate.getNotAfter().toInstant();
            return TlsException.fatal(Reason.CERTIFICATE_EXPIRED, which + " expired" + when + " (now " + now + ")", failure);
        }
        if (reason == BasicReason.NOT_YET_VALID || cause instanceof CertificateNotYetValidException) {
            String when = certificate == null ? "" : " before " + certificate.getNotBefore().toInstant();
            return TlsException.fatal(Reason.CERTIFICATE_EXPIRED, which + " is not valid" + when + " (now " + now + ")", failure);
        }
        if (reason == BasicReason.REVOKED) {
            return TlsException.fatal(Reason.CERTIFICATE_REVOKED, which + " is revoked", failure);
        }
        if (reason == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return TlsException.fatal(Reason.CERTIFICATE_UNKNOWN, "cannot determine whether " + which + " is revoked", failure);
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            X509Certificate last = path.get(path.size() - 1);
            return TlsException.fatal(Reason.UNKNOWN_CA, "no trusted certificate authority issued "
                    + last.getSubjectX500Principal().getName() + " (issuer " + last.getIssuerX500Principal().getName()
                    + "); the issuer is not a trust anchor, or an intermediate certificate is missing", failure);
        }
        if (reason == PKIXReason.UNRECOGNIZED_CRIT_EXT) {
            return TlsException.fatal(Reason.UNSUPPORTED_CERTIFICATE, which + " has a critical extension we do not support", failure);
        }
        if (reason == BasicReason.INVALID_SIGNATURE) {
            return TlsException.fatal(Reason.BAD_CERTIFICATE, "the signature on " + which + " does not verify with its issuer's key", failure);
        }
        if (reason == BasicReason.ALGORITHM_CONSTRAINED) {
            return TlsException.fatal(Reason.BAD_CERTIFICATE, which + " uses an algorithm or key size the JDK's security policy forbids", failure);
        }
        if (reason instanceof PKIXReason pkixReason) {
            String problem = switch (pkixReason) {
                case NOT_CA_CERT -> "is not a CA certificate, yet issued another";
                case INVALID_KEY_USAGE -> "may not sign certificates (its key usage lacks keyCertSign)";
                case PATH_TOO_LONG -> "exceeds its issuer's path length constraint";
                case INVALID_NAME -> "violates its issuer's name constraints";
                case NAME_CHAINING -> "does not chain by name to its issuer";
                case INVALID_POLICY -> "violates the certificate policy constraints";
                default -> null;
            };
            if (problem != null) {
                return TlsException.fatal(Reason.BAD_CERTIFICATE, which + " " + problem + " (" + pkixReason + ")", failure);
            }
        }
        return TlsException.fatal(Reason.CERTIFICATE_UNKNOWN, which + " fails PKIX validation: " + failure.getMessage(), failure);
    }
}
