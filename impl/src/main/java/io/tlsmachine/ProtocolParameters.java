package io.tlsmachine;

import io.tlsmachine.model.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds the protocol parameter lists an endpoint offers or accepts, each in preference order: versions, cipher
 * suites, key exchange groups (and those a client sends key shares for first) and signature schemes.
 *
 * @param versions the protocol versions
 * @param cipherSuites the cipher suites
 * @param groups the key exchange groups (supported_groups, RFC 8446 §4.2.7)
 * @param keyShareGroups the groups a client sends a key share for in its first TLS 1.3 ClientHello
 * @param signatureSchemes the signature schemes (signature_algorithms, RFC 8446 §4.2.3)
 */
public record ProtocolParameters(List<ProtocolVersion> versions, List<CipherSuite> cipherSuites,
        List<KeyExchangeGroup> groups, List<KeyExchangeGroup> keyShareGroups, List<SignatureAlgorithm> signatureSchemes) {

    /**
     * Copies the lists and checks them.
     *
     * @throws IllegalArgumentException when a list is empty or a key share group is not among the groups
     * @param versions the protocol versions
     * @param cipherSuites the cipher suites
     * @param groups the key exchange groups (supported_groups, RFC 8446 §4.2.7)
     * @param keyShareGroups the groups a client sends a key share for in its first TLS 1.3 ClientHello
     * @param signatureSchemes the signature schemes (signature_algorithms, RFC 8446 §4.2.3)
     */
    public ProtocolParameters {
        versions = List.copyOf(versions);
        cipherSuites = List.copyOf(cipherSuites);
        groups = List.copyOf(groups);
        keyShareGroups = List.copyOf(keyShareGroups);
        signatureSchemes = List.copyOf(signatureSchemes);
        if (versions.isEmpty() || cipherSuites.isEmpty() || groups.isEmpty() || signatureSchemes.isEmpty()) {
            throw new IllegalArgumentException("versions, cipher suites, groups and signature schemes must not be empty");
        }
        if (!groups.containsAll(keyShareGroups)) {
            throw new IllegalArgumentException("key share groups " + keyShareGroups + " must be among the groups " + groups);
        }
    }

    /**
     * {@return whether {@code version} is enabled}
     * @param version the protocol version
     */
    public boolean supports(ProtocolVersion version) {
        return versions.contains(version);
    }

    Builder toBuilder() {
        Builder b = new Builder();
        b.versions = versions;
        b.cipherSuites = cipherSuites;
        b.groups = groups;
        b.keyShareGroups = keyShareGroups;
        b.signatureSchemes = signatureSchemes;
        return b;
    }

    /** Collects the lists; the defaults are TLS 1.3 and 1.2 and everything of {@link TlsDefaults}. */
    static final class Builder {
        private List<ProtocolVersion> versions = List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12);
        private List<CipherSuite> cipherSuites = concat(TlsDefaults.TLS13_SUITES, TlsDefaults.TLS12_SUITES);
        private List<KeyExchangeGroup> groups = TlsDefaults.GROUPS;
        private List<KeyExchangeGroup> keyShareGroups;
        private List<SignatureAlgorithm> signatureSchemes = TlsDefaults.SIGNATURE_SCHEMES;

        private static <T> List<T> concat(List<T> a, List<T> b) {
            List<T> all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }

        void versions(List<ProtocolVersion> versions) {
            this.versions = List.copyOf(versions);
        }

        void cipherSuites(List<CipherSuite> suites) {
            this.cipherSuites = List.copyOf(suites);
        }

        /** Sets the groups; the key share groups go back to the first of them (the defaults: to theirs). */
        void groups(List<KeyExchangeGroup> groups) {
            this.groups = List.copyOf(groups);
            this.keyShareGroups = null;
        }

        void keyShareGroups(List<KeyExchangeGroup> groups) {
            this.keyShareGroups = List.copyOf(groups);
        }

        void signatureSchemes(List<SignatureAlgorithm> schemes) {
            this.signatureSchemes = List.copyOf(schemes);
        }

        ProtocolParameters build() {
            List<KeyExchangeGroup> shares = keyShareGroups != null ? keyShareGroups
                    : groups.equals(TlsDefaults.GROUPS) ? TlsDefaults.KEY_SHARE_GROUPS
                    : groups.isEmpty() ? List.of() : List.of(groups.get(0));
            return new ProtocolParameters(versions, cipherSuites, groups, shares, signatureSchemes);
        }
    }
}
