package io.tlsmachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.TestPki;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TlsConfigTest {

    @Test
    void defaultsOfferBothVersionsEverySuiteAndRequireExtendedMasterSecret() {
        TlsConfig config = TlsConfig.builder().build();
        assertThat(config.versions()).containsExactly(ProtocolVersion.TLS13, ProtocolVersion.TLS12);
        assertThat(config.cipherSuites()).hasSize(9);
        // issue 13: the post-quantum hybrid first, with a share for it and for x25519 (as OpenSSL 3.5 sends)
        assertThat(config.groups()).startsWith(KeyExchangeGroup.X25519MLKEM768, KeyExchangeGroup.X25519);
        assertThat(config.keyShareGroups()).containsExactly(KeyExchangeGroup.X25519MLKEM768, KeyExchangeGroup.X25519);
        assertThat(config.kemShareRule()).isEqualTo(KemShareRule.ACCEPT_CLASSICAL_SHARE);
        assertThat(config.extendedMasterSecretRequired()).isFalse();
        assertThat(config.secureRenegotiationRequired()).isFalse();
        assertThat(config.clientAuth()).isEqualTo(ClientAuthPolicy.NONE);
        assertThat(config.certificateVerifier()).as("no verifier given means the JDK's trust store, not 'accept all'").isEmpty();
    }

    @Test
    void rejectsKeyShareGroupsOutsideTheGroups() {
        assertThatThrownBy(() -> TlsConfig.builder().groups(KeyExchangeGroup.SECP256R1)
                .keyShareGroups(KeyExchangeGroup.X25519).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsEmptyVersions() {
        assertThatThrownBy(() -> TlsConfig.builder().versions().build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNamesTheCertificateButNeverTheKey() {
        TestPki.Hierarchy pki = new TestPki(new SecureRandom()).hierarchy("Config", CertificateKeyType.EC_P256, "a.test",
                Instant.now());
        TlsConfig config = TlsConfig.builder().certifiedKey(pki.certifiedLeaf()).build();
        assertThat(config.toString()).contains("a.test").doesNotContain("PRIVATE").doesNotContain(
                java.util.HexFormat.of().formatHex(pki.certifiedLeaf().privateKey().getEncoded()));
    }

    @Test
    void toBuilderKeepsEveryValue() {
        TlsConfig config = TlsConfig.builder().serverName("x.test").applicationProtocols("h2").middleboxCompatibility(false)
                .maxHandshakeMessageSize(4096).build();
        TlsConfig copy = config.toBuilder().build();
        assertThat(copy.serverName()).contains("x.test");
        assertThat(copy.applicationProtocols()).containsExactly("h2");
        assertThat(copy.middleboxCompatibility()).isFalse();
        assertThat(copy.maxHandshakeMessageSize()).isEqualTo(4096);
    }
}
