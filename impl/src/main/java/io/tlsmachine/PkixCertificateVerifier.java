package io.tlsmachine;

import io.tlsmachine.impl.certificate.CertificationPaths;
import io.tlsmachine.impl.certificate.HostnameVerifier;
import io.tlsmachine.impl.certificate.PathValidationFailures;
import io.tlsmachine.impl.certificate.ValidatedPathCache;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies chains with the JDK's PKIX validator (RFC 5280 §6) against configured trust anchors,
 * then checks the leaf's key usage and extended key usage for the peer's role and, for servers,
 * the host name ({@link HostnameVerifier}).
 *
 * <p>Immutable: {@link #withClock}, {@link #withRevocationChecking} and
 * {@link #withRevocationLists} return changed copies. Revocation checking is off by default; when
 * on, the JDK's checker uses the given CRLs, and OCSP or CRL distribution points only if the JDK's
 * {@code ocsp.enable} / {@code com.sun.security.enableCRLDP} properties allow network access.
 */
public final class PkixCertificateVerifier implements CertificateVerifier {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private final TrustAnchors anchors;
    private final Clock clock;
    private final boolean revocationChecking;
    private final List<X509CRL> revocationLists;
    /** Chains validated before; null when revocation is checked (a status may change while the chain does not). */
    private final ValidatedPathCache validated;

    private PkixCertificateVerifier(TrustAnchors anchors, Clock clock, boolean revocationChecking, List<X509CRL> revocationLists) {
        this.anchors = Objects.requireNonNull(anchors, "anchors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.revocationChecking = revocationChecking;
        this.revocationLists = List.copyOf(revocationLists);
        this.validated = revocationChecking || !this.revocationLists.isEmpty() ? null : new ValidatedPathCache();
    }

    /**
     * {@return a verifier trusting {@code anchors}, with the system clock and revocation checking off}
     * @param anchors the certificates to trust
     */
    public static PkixCertificateVerifier trusting(TrustAnchors anchors) {
        return new PkixCertificateVerifier(anchors, Clock.systemUTC(), false, List.of());
    }

    /**
     * {@return a copy that checks validity dates at {@code clock}'s instant}
     * @param clock the clock whose instant the validity dates are checked at
     */
    public PkixCertificateVerifier withClock(Clock clock) {
        return new PkixCertificateVerifier(anchors, clock, revocationChecking, revocationLists);
    }

    /**
     * {@return a copy with revocation checking on or off (off by default)}
     * @param enabled whether to check revocation
     */
    public PkixCertificateVerifier withRevocationChecking(boolean enabled) {
        return new PkixCertificateVerifier(anchors, clock, enabled, revocationLists);
    }

    /**
     * {@return a copy that checks revocation (turning it on) against these CRLs}
     * @param crls the certificate revocation lists to check against
     */
    public PkixCertificateVerifier withRevocationLists(List<X509CRL> crls) {
        return new PkixCertificateVerifier(anchors, clock, true, crls);
    }

    @Override
    public VerifiedChain verifyServer(CertificateChain chain, String serverName, LeafKeyUse keyUse) {
        requireNonEmpty(chain, true);
        VerifiedChain verified = validatePath(chain);
        requireUsage(chain.leaf(), SERVER_AUTH, "server", keyUse);
        HostnameVerifier.verify(chain.leaf(), serverName);
        return verified;
    }

    @Override
    public VerifiedChain verifyClient(CertificateChain chain) {
        requireNonEmpty(chain, false);
        VerifiedChain verified = validatePath(chain);
        requireUsage(chain.leaf(), CLIENT_AUTH, "client", LeafKeyUse.DIGITAL_SIGNATURE);
        return verified;
    }

    /**
     * RFC 8446 §4.4.2.4: an empty server Certificate is a decode_error; an empty client one, when
     * a certificate is required, is certificate_required (TLS 1.2 engines may prefer
     * handshake_failure, RFC 5246 §7.4.6, and should check before calling).
     * @param chain the chain the peer sent
     * @param server whether the peer is the server
     */
    public static void requireNonEmpty(CertificateChain chain, boolean server) {
        if (chain.isEmpty()) {
            throw server
                    ? TlsException.fatal(Reason.MALFORMED_MESSAGE, "the server sent an empty certificate chain")
                    : TlsException.fatal(Reason.CERTIFICATE_REQUIRED, "the client sent no certificate");
        }
    }

    private VerifiedChain validatePath(CertificateChain chain) {
        if (validated == null) {
            return validateWithPkix(chain);
        }
        Instant now = clock.instant();
        Optional<VerifiedChain> known = validated.lookup(chain, now);
        if (known.isPresent()) {
            return known.get();
        }
        VerifiedChain verified = validateWithPkix(chain);
        validated.remember(verified, now);
        return verified;
    }

    /** Orders the chain into a path to one of the anchors and validates it with the JDK's PKIX validator. */
    private VerifiedChain validateWithPkix(CertificateChain chain) {
        List<X509Certificate> path = CertificationPaths.order(chain, anchors);
        try {
            PKIXParameters parameters = new PKIXParameters(anchors.pkixAnchors());
            parameters.setDate(Date.from(clock.instant()));
            parameters.setRevocationEnabled(revocationChecking);
            if (!revocationLists.isEmpty()) {
                parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(revocationLists)));
            }
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) validator.validate(
                    CertificateChain.x509Factory().generateCertPath(path), parameters);
            return new VerifiedChain(chain, path, Optional.ofNullable(result.getTrustAnchor().getTrustedCert()));
        } catch (CertPathValidatorException e) {
            throw PathValidationFailures.toTlsException(e, path, clock.instant());
        } catch (InvalidAlgorithmParameterException e) {
            throw TlsException.fatal(Reason.INTERNAL_ERROR, "PKIX parameters rejected", e);
        } catch (GeneralSecurityException e) {
            throw TlsException.fatal(Reason.BAD_CERTIFICATE, "the certificate chain cannot be processed", e);
        }
    }

    /**
     * RFC 5280 §4.2.1.12 and RFC 5246 §7.4.2: when the leaf has an extended key usage extension it
     * must allow the peer's role (serverAuth or clientAuth, or anyExtendedKeyUsage); when it has a
     * key usage extension it must allow what the handshake does with the key.
     */
    private static void requireUsage(X509Certificate leaf, String roleOid, String role, LeafKeyUse keyUse) {
        String subject = leaf.getSubjectX500Principal().getName();
        List<String> extendedKeyUsage;
        try {
            extendedKeyUsage = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw TlsException.fatal(Reason.BAD_CERTIFICATE, "certificate " + subject + " has a malformed extended key usage", e);
        }
        if (extendedKeyUsage != null && !extendedKeyUsage.contains(roleOid) && !extendedKeyUsage.contains(ANY_EXTENDED_KEY_USAGE)) {
            throw TlsException.fatal(Reason.UNSUPPORTED_CERTIFICATE, "certificate " + subject + " is not for a TLS " + role
                    + ": its extended key usage " + new ArrayList<>(extendedKeyUsage) + " lacks " + roleOid);
        }
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= keyUse.keyUsageBit() || !keyUsage[keyUse.keyUsageBit()])) {
            throw TlsException.fatal(Reason.UNSUPPORTED_CERTIFICATE, "certificate " + subject
                    + " does not allow " + keyUse + " in its key usage");
        }
    }

    /** {@return the number of validations remembered (for tests)} */
    public int rememberedValidations() {
        return validated == null ? 0 : validated.size();
    }

    @Override
    public String toString() {
        return "PkixCertificateVerifier[" + anchors + ", revocation " + (revocationChecking ? "on" : "off") + "]";
    }
}
