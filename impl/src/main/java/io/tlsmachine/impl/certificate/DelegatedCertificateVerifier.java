package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.VerifiedChain;
import io.tlsmachine.LeafKeyUse;
import io.tlsmachine.PkixCertificateVerifier;
import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies peer chains by handing the whole chain (leaf first), the peer's host and the key use to checks written
 * outside the library, e.g. a JSSE {@code X509ExtendedTrustManager}; a refusal becomes certificate_unknown carrying
 * the check's message.
 */
public final class DelegatedCertificateVerifier implements CertificateVerifier {

    /** One check of a peer's chain; throws when the chain is not acceptable. */
    @FunctionalInterface
    public interface ChainCheck {
        /**
         * Checks {@code chain} (leaf first) presented by a peer.
         *
         * @param peerHost the server name a client expects (null when checking a client's chain)
         */
        void check(List<X509Certificate> chain, String peerHost, LeafKeyUse keyUse) throws CertificateException;
    }

    private final ChainCheck serverCheck;
    private final ChainCheck clientCheck;

    /** Creates a verifier checking servers' chains with {@code serverCheck} and clients' with {@code clientCheck}. */
    public DelegatedCertificateVerifier(ChainCheck serverCheck, ChainCheck clientCheck) {
        this.serverCheck = Objects.requireNonNull(serverCheck, "serverCheck");
        this.clientCheck = Objects.requireNonNull(clientCheck, "clientCheck");
    }

    @Override
    public VerifiedChain verifyServer(CertificateChain chain, String serverName, LeafKeyUse keyUse) {
        PkixCertificateVerifier.requireNonEmpty(chain, true);
        return run(serverCheck, chain, serverName, keyUse);
    }

    @Override
    public VerifiedChain verifyClient(CertificateChain chain) {
        PkixCertificateVerifier.requireNonEmpty(chain, false);
        return run(clientCheck, chain, null, LeafKeyUse.DIGITAL_SIGNATURE);
    }

    private static VerifiedChain run(ChainCheck check, CertificateChain chain, String peerHost, LeafKeyUse keyUse) {
        try {
            check.check(chain.certificates(), peerHost, keyUse);
        } catch (CertificateException e) {
            throw TlsException.fatal(Reason.CERTIFICATE_UNKNOWN, "the peer's certificate was refused: " + e.getMessage(), e);
        }
        return new VerifiedChain(chain, chain.certificates(), Optional.empty());
    }

    @Override
    public String toString() {
        return "CertificateVerifier delegating to external checks";
    }
}
