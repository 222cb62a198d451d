package io.tlsmachine;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The result of a successful verification: the chain the peer sent, the certification path
 * validated from it (leaf first, trust anchor excluded), and the anchor that vouched for it
 * (empty only when verification was skipped on purpose).
 *
 * @param presented the chain the peer sent
 * @param path the validated certification path, leaf first, trust anchor excluded
 * @param trustAnchor the anchor that vouched for it; empty only when verification was skipped
 */
public record VerifiedChain(CertificateChain presented, List<X509Certificate> path, Optional<X509Certificate> trustAnchor) {
    /**
     * Copies the path.
     *
     * @param presented the chain the peer sent
     * @param path the validated certification path, leaf first, trust anchor excluded
     * @param trustAnchor the anchor that vouched for it; empty only when verification was skipped
     */
    public VerifiedChain {
        path = List.copyOf(path);
    }

    /** {@return the leaf's public key, the key that must verify the peer's CertificateVerify or ServerKeyExchange} */
    public PublicKey leafPublicKey() {
        return presented.leaf().getPublicKey();
    }
}
