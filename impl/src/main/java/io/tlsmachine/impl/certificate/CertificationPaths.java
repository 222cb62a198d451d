package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.TrustAnchors;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;

/**
 * Orders a received chain into a certification path for PKIX validation.
 *
 * <p>RFC 8446 §4.4.2: the leaf MUST come first, but implementations SHOULD accept the other
 * certificates in any order and with extraneous ones. So the path is built by name chaining from
 * the leaf: each next certificate is one whose subject is the current certificate's issuer,
 * stopping when a trust anchor issued the current certificate. A certificate that is itself an
 * anchor (a root sent along) is left out; certificates that do not chain are ignored.
 *
 * <p>A path longer than {@link #MAX_PATH_LENGTH} is refused with bad_certificate.
 */
public final class CertificationPaths {
    /**
     * The longest path we build (leaf and intermediates): bounds the work a peer can cause with a
     * long chain of namesake certificates. Public CA paths have two to four.
     */
    static final int MAX_PATH_LENGTH = 10;

    private CertificationPaths() {}

    /** Returns the path, leaf first, without the anchor. */
    public static List<X509Certificate> order(CertificateChain chain, TrustAnchors anchors) {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = chain.leaf();
        path.add(current);
        LinkedList<X509Certificate> remaining = new LinkedList<>(chain.certificates().subList(1, chain.size()));
        while (!issuedByAnchor(current, anchors) && !isSelfIssued(current)) {
            X509Certificate issuer = takeIssuer(current, remaining);
            if (issuer == null || anchors.contains(issuer)) {
                break;
            }
            if (path.size() == MAX_PATH_LENGTH) {
                throw TlsException.fatal(Reason.BAD_CERTIFICATE, "the certification path is longer than "
                        + MAX_PATH_LENGTH + " certificates without reaching a trust anchor");
            }
            path.add(issuer);
            current = issuer;
        }
        return path;
    }

    private static boolean issuedByAnchor(X509Certificate certificate, TrustAnchors anchors) {
        return anchors.certificates().stream()
                .anyMatch(anchor -> anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()));
    }

    private static boolean isSelfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    /**
     * Removes and returns the candidate that issued {@code certificate}: among those with the
     * issuer's name, the one whose key verifies its signature (cross-signed CAs share names), else
     * the first by name, so that PKIX reports the bad signature.
     */
    private static X509Certificate takeIssuer(X509Certificate certificate, List<X509Certificate> candidates) {
        X509Certificate firstByName = null;
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                if (firstByName == null) {
                    firstByName = candidate;
                }
                if (signedBy(certificate, candidate)) {
                    candidates.remove(candidate);
                    return candidate;
                }
            }
        }
        if (firstByName != null) {
            candidates.remove(firstByName);
        }
        return firstByName;
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
