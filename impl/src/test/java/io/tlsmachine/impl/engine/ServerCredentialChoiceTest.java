package io.tlsmachine.impl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.TestPki;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server holding several certified keys presents, per handshake, the one the client's signature_algorithms allow
 * (RFC 8446 §4.4.2.2; RFC 5246 §7.4.2 with the TLS 1.2 suite's authentication, §7.4.1.4.1), and fails with
 * handshake_failure when none can sign (RFC 8446 §4.2.3).
 */
class ServerCredentialChoiceTest {

    private static final TestPki PKI = new TestPki(EngineFixtures.seeded(521));
    private static final Instant NOW = Instant.now();
    private static final TestPki.Hierarchy RSA = EngineFixtures.RSA;
    private static final TestPki.Hierarchy P256 = EngineFixtures.EC;
    private static final TestPki.Hierarchy P384 = PKI.hierarchy("Choice P-384", CertificateKeyType.EC_P384, EngineFixtures.HOST, NOW);
    private static final TestPki.Hierarchy P521 = PKI.hierarchy("Choice P-521", CertificateKeyType.EC_P521, EngineFixtures.HOST, NOW);
    private static final TestPki.Hierarchy ED25519 = PKI.hierarchy("Choice Ed25519", CertificateKeyType.ED25519, EngineFixtures.HOST, NOW);

    private static TlsConfig server(List<TestPki.Hierarchy> credentials) {
        return TlsConfig.builder().certifiedKeys(credentials.stream().map(TestPki.Hierarchy::certifiedLeaf).toList())
                .versions(ProtocolVersion.TLS13, ProtocolVersion.TLS12)
                .groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1, KeyExchangeGroup.SECP384R1, KeyExchangeGroup.SECP521R1)
                .build();
    }

    /** A client offering one scheme and trusting {@code trusted}'s root only (so a connection proves which chain came). */
    private static TlsConfigBuilder client(ProtocolVersion version, SignatureAlgorithm only, TestPki.Hierarchy trusted) {
        return TlsConfig.builder().serverName(EngineFixtures.HOST).versions(version).signatureSchemes(only)
                .certificateVerifier(CertificateVerifier.pkix(trusted.anchors()));
    }

    static Stream<Arguments> schemesAndTheChainThatServesThem() {
        return Stream.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12).flatMap(version -> Stream.of(
                Arguments.of(version, SignatureAlgorithm.ECDSA_SECP256R1_SHA256, P256),
                Arguments.of(version, SignatureAlgorithm.ECDSA_SECP384R1_SHA384, P384),
                Arguments.of(version, SignatureAlgorithm.ECDSA_SECP521R1_SHA512, P521),
                Arguments.of(version, SignatureAlgorithm.RSA_PSS_RSAE_SHA256, RSA),
                // RFC 8422 §5.1: in TLS 1.2 an Ed25519 certificate serves the ECDHE_ECDSA suites.
                Arguments.of(version, SignatureAlgorithm.ED25519, ED25519)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("schemesAndTheChainThatServesThem")
    void presentsTheChainWhoseKeySignsTheOnlySchemeTheClientOffers(ProtocolVersion version, SignatureAlgorithm scheme,
            TestPki.Hierarchy expected) {
        // ECDSA P-256 first in our order, so every other answer is a choice, not the default.
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client(version, scheme, expected).build(),
                server(List.of(P256, RSA, P384, P521, ED25519))).handshake();

        assertThat(pair.client.failure()).isEmpty();
        NegotiatedParameters negotiated = pair.client.negotiated().orElseThrow();
        assertThat(negotiated.version()).isEqualTo(version);
        assertThat(negotiated.signatureScheme()).contains(scheme);
        assertThat(pair.client.isHandshakeComplete()).as("the client trusts only the expected chain's root").isTrue();
        pair.assertTracesArePathsOfTheModel();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"TLS13", "TLS12"})
    void tls12SuiteFollowsTheChosenKeyAndP521KeyExchangeWorks(ProtocolVersion version) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client(version, SignatureAlgorithm.RSA_PSS_RSAE_SHA256, RSA)
                .groups(KeyExchangeGroup.SECP521R1).build(), server(List.of(P256, RSA))).handshake();

        NegotiatedParameters negotiated = pair.client.negotiated().orElseThrow();
        assertThat(negotiated.group()).contains(KeyExchangeGroup.SECP521R1);
        if (version == ProtocolVersion.TLS12) {
            assertThat(negotiated.cipherSuite()).isEqualTo(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"TLS13", "TLS12"})
    void noCredentialForTheClientsSchemesIsHandshakeFailure(ProtocolVersion version) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client(version, SignatureAlgorithm.ED448, RSA).build(),
                server(List.of(P256, RSA)));
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());

        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.NO_COMMON_SIGNATURE_SCHEME);
        pair.client.feed(pair.server.drainOutbound());
        assertThat(pair.client.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.HANDSHAKE_FAILURE);
    }
}
