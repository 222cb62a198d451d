package io.tlsmachine.impl.certificate;

import java.util.Optional;

/**
 * INSECURE: accepts any non-empty chain without checking trust, dates, usage or names. Reached
 * only through {@link CertificateVerifier#insecureAcceptAnyCertificate()}; NEVER in production.
 */
final class InsecureAcceptAnyCertificate implements CertificateVerifier {
    static final InsecureAcceptAnyCertificate INSTANCE = new InsecureAcceptAnyCertificate();

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
