package io.tlsmachine.impl.certificate;

import io.tlsmachine.TrustAnchors;
import io.tlsmachine.CertifiedKey;
import static io.tlsmachine.impl.certificate.Fixtures.EC;
import static io.tlsmachine.impl.certificate.Fixtures.NOW;
import static io.tlsmachine.impl.certificate.Fixtures.OTHER;
import static io.tlsmachine.impl.certificate.Fixtures.PKI;
import static io.tlsmachine.impl.certificate.Fixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.impl.certificate.issuing.CertificateSpec;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialSelectorTest {
    private static final List<SignatureAlgorithm> ALL = List.of(SignatureAlgorithm.values());
    private static final CertifiedKey OTHER_NAME = PKI.issue(CertificateSpec.endEntity("CN=other.example", CertificateKeyType.ED25519,
            NOW, Duration.ofDays(1)).withDnsNames("other.example"), EC.intermediate()).certifiedKey(EC.intermediate());
    private static final List<SignatureScheme> EVERYTHING = List.of(SignatureScheme.ED25519, SignatureScheme.ECDSA_SECP256R1_SHA256,
            SignatureScheme.RSA_PSS_RSAE_SHA256);

    @Test
    void serverPrefersACertificateValidForTheRequestedName() {
        var selection = CredentialSelector.forServer(List.of(OTHER_NAME, EC.certifiedLeaf()), Optional.of("server.example.com"),
                EVERYTHING, ALL, VersionCode.TLS13);

        assertThat(selection.credentials()).isEqualTo(EC.certifiedLeaf());
        assertThat(selection.scheme()).isEqualTo(SignatureAlgorithm.ECDSA_SECP256R1_SHA256);
    }

    @Test
    void serverFallsBackToItsFirstCertificateWhenNoneMatchesTheName() {
        var selection = CredentialSelector.forServer(List.of(OTHER_NAME, EC.certifiedLeaf()), Optional.of("unknown.example"),
                EVERYTHING, ALL, VersionCode.TLS13);

        assertThat(selection.credentials()).isEqualTo(OTHER_NAME);
        assertThat(selection.scheme()).isEqualTo(SignatureAlgorithm.ED25519);
    }

    @Test
    void serverFallsBackToAnotherNameWhenTheMatchingCertificateCannotSign() {
        var selection = CredentialSelector.forServer(List.of(OTHER_NAME, EC.certifiedLeaf()), Optional.of("server.example.com"),
                List.of(SignatureScheme.ED25519), ALL, VersionCode.TLS13);

        assertThat(selection.credentials()).isEqualTo(OTHER_NAME);
    }

    @Test
    void serverSkipsCertificatesWhoseKeyCannotSignWithTheClientsSchemes() {
        var selection = CredentialSelector.forServer(List.of(EC.certifiedLeaf(), RSA.certifiedLeaf()), Optional.empty(),
                List.of(SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA256), ALL, VersionCode.TLS13);

        assertThat(selection.credentials()).isEqualTo(RSA.certifiedLeaf());
        assertThat(selection.scheme()).isEqualTo(SignatureAlgorithm.RSA_PSS_RSAE_SHA384);
    }

    @Test
    void serverFailsWithHandshakeFailureWhenNoCertificateFits() {
        assertThatThrownBy(() -> CredentialSelector.forServer(List.of(EC.certifiedLeaf()), Optional.empty(),
                List.of(SignatureScheme.RSA_PKCS1_SHA256), ALL, VersionCode.TLS13))
                .isInstanceOf(TlsException.class)
                .satisfies(e -> assertThat(((TlsException) e).reason()).isEqualTo(Reason.NO_COMMON_SIGNATURE_SCHEME));
        assertThatThrownBy(() -> CredentialSelector.forServer(List.of(), Optional.empty(), EVERYTHING, ALL, VersionCode.TLS12))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientPrefersACertificateIssuedUnderARequestedAuthority() {
        List<byte[]> requested = TrustAnchors.of(RSA.intermediate().certificate()).distinguishedNames();

        var selection = CredentialSelector.forClient(List.of(EC.certifiedLeaf(), RSA.certifiedLeaf()), requested,
                EVERYTHING, ALL, VersionCode.TLS13);

        assertThat(selection).get().extracting(CredentialSelector.Selection::credentials).isEqualTo(RSA.certifiedLeaf());
    }

    @Test
    void clientMatchesAuthoritiesAnywhereInItsChain() {
        List<byte[]> requested = TrustAnchors.of(EC.root().certificate(), OTHER.root().certificate()).distinguishedNames();

        var selection = CredentialSelector.forClient(List.of(RSA.certifiedLeaf(), EC.certifiedLeaf()), requested,
                EVERYTHING, ALL, VersionCode.TLS12);

        assertThat(selection).get().extracting(CredentialSelector.Selection::credentials).isEqualTo(EC.certifiedLeaf());
    }

    @Test
    void clientSendsNoCertificateWhenNoneCanSignWithTheServersSchemes() {
        assertThat(CredentialSelector.forClient(List.of(EC.certifiedLeaf()), List.of(), List.of(SignatureScheme.ED448), ALL,
                VersionCode.TLS13)).isEmpty();
        assertThat(CredentialSelector.forClient(List.of(), List.of(), EVERYTHING, ALL, VersionCode.TLS13)).isEmpty();
    }

    /** RFC 8446 §4.4.2.2: a chain signed with the client's signature_algorithms_cert is preferred, but not required. */
    @Test
    void serverPrefersAChainSignedWithTheClientsCertificateSchemesAndFallsBackToAnother() {
        List<SignatureScheme> both = List.of(SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.ECDSA_SECP256R1_SHA256);
        // The EC hierarchy's certificates are signed SHA256withECDSA, the RSA one's SHA256withRSA.
        var ecdsaChains = CredentialSelector.forServer(List.of(RSA.certifiedLeaf(), EC.certifiedLeaf()), Optional.empty(),
                both, List.of(SignatureScheme.ECDSA_SECP256R1_SHA256), ALL, VersionCode.TLS13);
        var rsaChains = CredentialSelector.forServer(List.of(EC.certifiedLeaf(), RSA.certifiedLeaf()), Optional.empty(),
                both, List.of(SignatureScheme.RSA_PKCS1_SHA256), ALL, VersionCode.TLS13);
        var noneFits = CredentialSelector.forServer(List.of(RSA.certifiedLeaf(), EC.certifiedLeaf()), Optional.empty(),
                both, List.of(SignatureScheme.ED448), ALL, VersionCode.TLS13);

        assertThat(ecdsaChains.credentials()).isEqualTo(EC.certifiedLeaf());
        assertThat(rsaChains.credentials()).isEqualTo(RSA.certifiedLeaf());
        assertThat(noneFits.credentials()).as("our first, as no chain is signed as asked").isEqualTo(RSA.certifiedLeaf());
    }
}
