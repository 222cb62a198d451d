package io.tlsmachine;

import java.util.Objects;
import java.util.Optional;

/**
 * Holds who we are and how we judge the peer: our certificate chain and key, the verifier of the peer's chain, a
 * server's client authentication policy, and whether a TLS 1.3 client allows post-handshake authentication.
 * {@link #toString()} never shows the private key.
 *
 * @param certifiedKey our chain and private key (a server's, or a client's for client authentication)
 * @param certificateVerifier how the peer's chain is verified; empty: the JDK's default trust store
 * @param clientAuth whether a server asks for (or requires) a client certificate
 * @param postHandshakeAuth whether a TLS 1.3 client offers post_handshake_auth (RFC 8446 §4.2.6)
 */
public record AuthenticationConfig(Optional<CertifiedKey> certifiedKey, Optional<CertificateVerifier> certificateVerifier,
        ClientAuthPolicy clientAuth, boolean postHandshakeAuth) {

    public AuthenticationConfig {
        Objects.requireNonNull(certifiedKey, "certifiedKey");
        Objects.requireNonNull(certificateVerifier, "certificateVerifier");
        Objects.requireNonNull(clientAuth, "clientAuth");
    }

    /** Returns the verifier to use: the configured one, else PKIX against the JDK's default trust store. */
    public CertificateVerifier effectiveCertificateVerifier() {
        return certificateVerifier.orElseGet(CertificateVerifier::jdkDefault);
    }

    Builder toBuilder() {
        Builder b = new Builder();
        b.certifiedKey = certifiedKey.orElse(null);
        b.certificateVerifier = certificateVerifier.orElse(null);
        b.clientAuth = clientAuth;
        b.postHandshakeAuth = postHandshakeAuth;
        return b;
    }

    @Override
    public String toString() {
        return "AuthenticationConfig[certificate="
                + certifiedKey.map(k -> k.chain().leaf().getSubjectX500Principal().getName()).orElse("none")
                + ", clientAuth=" + clientAuth + ", postHandshakeAuth=" + postHandshakeAuth + "]";
    }

    /** Collects the values; the defaults are no certificate, the JDK's trust store, no client authentication. */
    static final class Builder {
        private CertifiedKey certifiedKey;
        private CertificateVerifier certificateVerifier;
        private ClientAuthPolicy clientAuth = ClientAuthPolicy.NONE;
        private boolean postHandshakeAuth;

        void certifiedKey(CertifiedKey key) {
            this.certifiedKey = Objects.requireNonNull(key, "key");
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
            return new AuthenticationConfig(Optional.ofNullable(certifiedKey), Optional.ofNullable(certificateVerifier),
                    clientAuth, postHandshakeAuth);
        }
    }
}
