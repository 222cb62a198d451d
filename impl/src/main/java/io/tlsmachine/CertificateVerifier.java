package io.tlsmachine;

import io.tlsmachine.impl.certificate.DelegatedCertificateVerifier;
import io.tlsmachine.impl.certificate.InsecureAcceptAnyCertificate;
import io.tlsmachine.impl.certificate.SharedVerifier;


/**
 * Decides whether a peer's certificate chain is acceptable: a trusted path, valid dates, the
 * right key usage for the peer's role, and (for a server) the expected host name.
 *
 * <p>Every refusal is a {@link TlsException} whose reason maps to its own alert (bad_certificate,
 * unsupported_certificate, certificate_revoked, certificate_expired, certificate_unknown,
 * unknown_ca) and whose message says what failed.
 */
public interface CertificateVerifier {

    /**
     * Verifies a server's chain for {@code serverName} (a DNS name or IP literal).
     *
     * @param keyUse what the handshake will do with the server's key
     * @throws TlsException when the chain is not acceptable
     * @param chain the chain the server sent, leaf first
     * @param serverName the name the leaf must match
     * @return the chain with the path that was built to a trust anchor
     */
    VerifiedChain verifyServer(CertificateChain chain, String serverName, LeafKeyUse keyUse);

    /**
     * Verifies a server's chain whose key will sign (TLS 1.3, and TLS 1.2 with (EC)DHE).
     * @param chain the chain the server sent, leaf first
     * @param serverName the name the leaf must match
     * @return the chain with the path that was built to a trust anchor
     */
    default VerifiedChain verifyServer(CertificateChain chain, String serverName) {
        return verifyServer(chain, serverName, LeafKeyUse.DIGITAL_SIGNATURE);
    }

    /**
     * Verifies a client's non-empty chain (the client signs CertificateVerify in both versions).
     *
     * @throws TlsException when the chain is not acceptable
     * @param chain the chain the client sent, leaf first
     * @return the chain with the path that was built to a trust anchor
     */
    VerifiedChain verifyClient(CertificateChain chain);

    /**
     * {@return a PKIX verifier (RFC 5280 §6) trusting {@code anchors}, with the system clock and
     * revocation checking off; see {@link PkixCertificateVerifier}'s {@code with...} methods}
     * @param anchors the certificates to trust
     */
    static PkixCertificateVerifier pkix(TrustAnchors anchors) {
        return PkixCertificateVerifier.trusting(anchors);
    }

    /**
     * {@return the PKIX verifier trusting the JDK's default trust store, one per JVM (read on first use), so that every
     * configuration without a verifier of its own shares its validated-path cache}
     */
    static PkixCertificateVerifier jdkDefault() {
        return SharedVerifier.JDK_DEFAULT.get();
    }

    /**
     * INSECURE: returns a verifier that accepts any non-empty chain for any host, so anyone can
     * impersonate the peer. For tests and debugging against throw-away servers only; NEVER use it
     * in production.
     * @return a verifier that checks nothing beyond a non-empty chain
     */
    static CertificateVerifier insecureAcceptAnyCertificate() {
        return InsecureAcceptAnyCertificate.INSTANCE;
    }
}
