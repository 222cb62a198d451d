package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.VerifiedChain;
import io.tlsmachine.LeafKeyUse;
import io.tlsmachine.PkixCertificateVerifier;
import io.tlsmachine.CertificateVerifier;
import java.util.Optional;

/**
 * INSECURE: accepts any non-empty chain without checking trust, dates, usage or names. Reached
 * only through {@link CertificateVerifier#insecureAcceptAnyCertificate()}; NEVER in production.
 */
public final class InsecureAcceptAnyCertificate implements CertificateVerifier {
    public static final InsecureAcceptAnyCertificate INSTANCE = new InsecureAcceptAnyCertificate();

    private InsecureAcceptAnyCertificate() {}

    @Override
    public VerifiedChain verifyServer(CertificateChain chain, String serverName, LeafKeyUse keyUse) {
        PkixCertificateVerifier.requireNonEmpty(chain, true);
        return new VerifiedChain(chain, chain.certificates(), Optional.empty());
    }

    @Override
    public VerifiedChain verifyClient(CertificateChain chain) {
        PkixCertificateVerifier.requireNonEmpty(chain, false);
        return new VerifiedChain(chain, chain.certificates(), Optional.empty());
    }

    @Override
    public String toString() {
        return "INSECURE CertificateVerifier accepting any certificate";
    }
}
