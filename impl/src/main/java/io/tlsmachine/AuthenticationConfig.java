package io.tlsmachine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds who we are and how we judge the peer: our certificate chains and keys, the verifier of the peer's chain, a
 * server's client authentication policy, and whether a TLS 1.3 client allows post-handshake authentication.
 * {@link #toString()} never shows the private key.
 *
 * @param certifiedKeys our chains and private keys in preference order: a server chooses one per handshake from the
 *     client's signature algorithms (and the TLS 1.2 suite); a client authenticates with the first
 * @param certificateVerifier how the peer's chain is verified; empty: the JDK's default trust store
 * @param clientAuth whether a server asks for (or requires) a client certificate
 * @param postHandshakeAuth whether a TLS 1.3 client offers post_handshake_auth (RFC 8446 §4.2.6)
 */
public record AuthenticationConfig(List<CertifiedKey> certifiedKeys, Optional<CertificateVerifier> certificateVerifier,
        ClientAuthPolicy clientAuth, boolean postHandshakeAuth) {

    /**
     * Copies the list of chains and keys and checks that nothing is null.
     *
     * @param certifiedKeys our chains and private keys in preference order: a server chooses one per handshake from
     *     the client's signature algorithms (and the TLS 1.2 suite); a client authenticates with the first
     * @param certificateVerifier how the peer's chain is verified; empty: the JDK's default trust store
     * @param clientAuth whether a server asks for (or requires) a client certificate
     * @param postHandshakeAuth whether a TLS 1.3 client offers post_handshake_auth (RFC 8446 §4.2.6)
     */
    public AuthenticationConfig {
        certifiedKeys = List.copyOf(certifiedKeys);
        Objects.requireNonNull(certificateVerifier, "certificateVerifier");
        Objects.requireNonNull(clientAuth, "clientAuth");
    }

    /** {@return our first (most preferred) chain and key, empty when we have none} */
    public Optional<CertifiedKey> certifiedKey() {
        return certifiedKeys.stream().findFirst();
    }

    /** {@return the verifier to use: the configured one, else PKIX against the JDK's default trust store} */
    public CertificateVerifier effectiveCertificateVerifier() {
        return certificateVerifier.orElseGet(CertificateVerifier::jdkDefault);
    }

    Builder toBuilder() {
        Builder b = new Builder();
        b.certifiedKeys = certifiedKeys;
        b.certificateVerifier = certificateVerifier.orElse(null);
        b.clientAuth = clientAuth;
        b.postHandshakeAuth = postHandshakeAuth;
        return b;
    }

    @Override
    public String toString() {
        return "AuthenticationConfig[certificates="
                + certifiedKeys.stream().map(k -> k.chain().leaf().getSubjectX500Principal().getName()).toList()
                + ", clientAuth=" + clientAuth + ", postHandshakeAuth=" + postHandshakeAuth + "]";
    }

    /** Collects the values; the defaults are no certificate, the JDK's trust store, no client authentication. */
    static final class Builder {
        private List<CertifiedKey> certifiedKeys = List.of();
        private CertificateVerifier certificateVerifier;
        private ClientAuthPolicy clientAuth = ClientAuthPolicy.NONE;
        private boolean postHandshakeAuth;

        void certifiedKeys(List<CertifiedKey> keys) {
            this.certifiedKeys = List.copyOf(keys);
        }

        void certificateVerifier(CertificateVerifier verifier) {
            this.certificateVerifier = Objects.requireNonNull(verifier, "verifier");
        }

        void clientAuth(ClientAuthPolicy policy) {
            this.clientAuth = Objects.requireNonNull(policy, "policy");
        }

        void postHandshakeAuth(boolean enabled) {
            this.postHandshakeAuth = enabled;
        }

        AuthenticationConfig build() {
            return new AuthenticationConfig(certifiedKeys, Optional.ofNullable(certificateVerifier),
                    clientAuth, postHandshakeAuth);
        }
    }
}
