package io.tlsmachine.impl.engine;

import io.tlsmachine.TakenTransition;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.SupportedGroups;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import io.tlsmachine.testkit.TestPki;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In TLS 1.2 an ECDSA certificate must be on a curve the client listed in supported_groups (RFC 4492 §5.1, §5.3;
 * RFC 8422 §5.1, §5.3): the server does not pick an ECDSA suite otherwise, and the client rejects such a certificate.
 */
class Tls12CertificateCurveTest {

    private static final List<CipherSuite> BOTH_AUTHENTICATIONS = List.of(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);

    private static io.tlsmachine.TlsConfigBuilder x25519OnlyClient(TestPki.Hierarchy pki) {
        return EngineFixtures.client(pki).versions(ProtocolVersion.TLS12).cipherSuites(BOTH_AUTHENTICATIONS)
                .groups(KeyExchangeGroup.X25519).keyShareGroups(KeyExchangeGroup.X25519);
    }

    @Test
    void serverWithAP256CertificateRefusesAClientListingOnlyX25519WithOneHandshakeFailureAlert() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(x25519OnlyClient(EC).build(), EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        assertThat(pair.server.state()).isEqualTo(ServerState.FAILED);
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.NO_COMMON_CIPHER_SUITE);
        byte[] sent = pair.server.drainOutbound();
        assertThat(HexFormat.of().formatHex(sent)).as("exactly one plaintext fatal handshake_failure alert")
                .isEqualTo("150303000202" + String.format("%02x", AlertDescription.HANDSHAKE_FAILURE.code()));
        assertThat(pair.serverTrace).extracting(TakenTransition::input).doesNotContain(Input.SELECT_PARAMETERS);
        pair.client.feed(sent);
        assertThat(pair.client.state()).isEqualTo(ClientState.FAILED);
        assertThat(pair.client.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.HANDSHAKE_FAILURE);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void serverWithAP256CertificateConnectsWhenTheClientListsP256AfterX25519() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(x25519OnlyClient(EC)
                .groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1).build(), EngineFixtures.server(EC).build()).handshake();
        assertThat(pair.client.state()).isEqualTo(ClientState.TLS12_CONNECTED);
        assertThat(pair.client.negotiated().orElseThrow().cipherSuite())
                .isEqualTo(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void serverWithAnRsaCertificateStillServesAClientListingOnlyX25519() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(x25519OnlyClient(RSA).build(), EngineFixtures.server(RSA).build())
                .handshake();
        assertThat(pair.server.state()).isEqualTo(ServerState.TLS12_CONNECTED);
        assertThat(pair.client.negotiated().orElseThrow().cipherSuite()).isEqualTo(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    }

    @Test
    void tls13IsUnaffectedBecauseItsSignatureSchemesNameTheCurve() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).versions(ProtocolVersion.TLS13)
                .groups(KeyExchangeGroup.X25519).keyShareGroups(KeyExchangeGroup.X25519).build(),
                EngineFixtures.server(EC).build()).handshake();
        assertThat(pair.client.state()).isEqualTo(ClientState.CONNECTED);
    }

    @Test
    void clientRejectsAnEcdsaCertificateOnACurveItDidNotOfferWithIllegalParameter() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(x25519OnlyClient(EC).build(), EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        // The server is told the client lists secp256r1 too; the client itself never offered it.
        pair.server.feed(EngineFixtures.rewriteClientHello(pair.client.drainOutbound(), hello -> withGroups(hello,
                List.of(NamedGroup.X25519, NamedGroup.SECP256R1))));
        assertThat(pair.server.state()).isNotEqualTo(ServerState.FAILED);
        pair.client.feed(pair.server.drainOutbound());
        assertThat(pair.client.state()).isEqualTo(ClientState.FAILED);
        assertThat(pair.client.failure().orElseThrow().reason()).isEqualTo(Reason.ILLEGAL_PARAMETER);
        pair.server.feed(pair.client.drainOutbound());
        assertThat(pair.server.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
    }

    private static ClientHello withGroups(ClientHello hello, List<NamedGroup> groups) {
        List<Extension> extensions = hello.extensions().stream()
                .map(e -> e instanceof SupportedGroups ? (Extension) new SupportedGroups(groups) : e).toList();
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                hello.legacyCompressionMethods(), extensions);
    }
}
