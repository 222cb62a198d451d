package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Exercises TLS 1.3 beyond the plain handshake: HelloRetryRequest, ALPN, SNI, KeyUpdate, close_notify, client auth. */
class Tls13FeaturesTest {

    @Test
    void serverAsksForAnotherGroupWithHelloRetryRequestAndTheClientRetriesOnce() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(
                EngineFixtures.client(EC).groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1)
                        .keyShareGroups(KeyExchangeGroup.X25519).build(),
                EngineFixtures.server(EC).groups(KeyExchangeGroup.SECP256R1).build()).handshake();
        assertThat(pair.client.state()).isEqualTo(ClientState.CONNECTED);
        assertThat(pair.server.state()).isEqualTo(ServerState.CONNECTED);
        assertThat(pair.client.facts().helloRetryRequested()).isTrue();
        assertThat(pair.client.negotiated().orElseThrow().group()).contains(KeyExchangeGroup.SECP256R1);
        assertThat(pair.clientTrace).anyMatch(t -> t.input() == Input.HELLO_RETRY_REQUEST && t.to() == ClientState.WAIT_SH_RETRY);
        assertThat(pair.serverTrace).anyMatch(t -> t.input() == Input.SELECT_HELLO_RETRY);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void helloRetryRequestWorksWithoutMiddleboxCompatibilityToo() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(
                EngineFixtures.client(RSA).middleboxCompatibility(false).keyShareGroups(KeyExchangeGroup.X25519).build(),
                EngineFixtures.server(RSA).groups(KeyExchangeGroup.SECP384R1).build()).handshake();
        assertThat(pair.client.state()).isEqualTo(ClientState.CONNECTED);
        assertThat(pair.client.facts().middleboxCompat()).isFalse();
        assertThat(pair.server.negotiated().orElseThrow().group()).contains(KeyExchangeGroup.SECP384R1);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void negotiatesTheServersPreferredAlpnProtocolAndSeesTheServerName() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(
                EngineFixtures.client(EC).applicationProtocols("http/1.1", "h2").build(),
                EngineFixtures.server(EC).applicationProtocols("h2", "http/1.1").build()).handshake();
        assertThat(pair.client.negotiated().orElseThrow().applicationProtocol()).contains("h2");
        assertThat(pair.server.negotiated().orElseThrow().applicationProtocol()).contains("h2");
        assertThat(pair.server.negotiated().orElseThrow().serverName()).contains(EngineFixtures.HOST);
    }

    @Test
    void noCommonAlpnProtocolFailsWithNoApplicationProtocol() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).applicationProtocols("spdy/1").build(),
                EngineFixtures.server(EC).applicationProtocols("h2").build()).handshake();
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.NO_APPLICATION_PROTOCOL);
        assertThat(pair.client.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.NO_APPLICATION_PROTOCOL);
        assertThat(pair.client.state()).isEqualTo(ClientState.FAILED);
    }

    @Test
    void keyUpdateRequestedByEitherSideIsAnsweredAndDataStillFlows() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build())
                .handshake();
        pair.client.requestKeyUpdate();
        pair.client.writeApplicationData(bytes("after client update"));
        pair.pump();
        assertThat(text(pair.server.readApplicationData())).isEqualTo("after client update");
        pair.server.requestKeyUpdate();
        pair.server.writeApplicationData(bytes("after server update"));
        pair.pump();
        assertThat(text(pair.client.readApplicationData())).isEqualTo("after server update");
        pair.client.writeApplicationData(bytes("again"));
        pair.pump();
        assertThat(text(pair.server.readApplicationData())).isEqualTo("again");
        assertThat(pair.serverTrace).anyMatch(t -> t.input() == Input.KEY_UPDATE_REQUESTED);
        assertThat(pair.clientTrace).anyMatch(t -> t.input() == Input.KEY_UPDATE_NOT_REQUESTED);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void closeNotifyIsAnsweredAndBothSidesEndClosed() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build())
                .handshake();
        pair.server.close();
        pair.pump();
        assertThat(pair.server.state()).isEqualTo(ServerState.CLOSED);
        assertThat(pair.client.state()).isEqualTo(ClientState.CLOSED);
        assertThat(pair.client.failure()).isEmpty();
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void clientAuthenticatesWithItsCertificateWhenRequired() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(
                EngineFixtures.client(EC).certifiedKey(RSA.certifiedLeaf()).build(),
                EngineFixtures.server(EC).clientAuth(ClientAuthPolicy.REQUIRE)
                        .certificateVerifier(CertificateVerifier.pkix(RSA.anchors())).build()).handshake();
        assertThat(pair.client.state()).isEqualTo(ClientState.CONNECTED);
        assertThat(pair.server.state()).isEqualTo(ServerState.CONNECTED);
        assertThat(pair.serverTrace).anyMatch(t -> t.input() == Input.CERTIFICATE_VERIFY);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void clientWithoutCertificateSendsAnEmptyOneAndARequiringServerFailsWithCertificateRequired() {
        EngineFixtures.Pair requested = new EngineFixtures.Pair(EngineFixtures.client(EC).build(),
                EngineFixtures.server(EC).clientAuth(ClientAuthPolicy.REQUEST).build()).handshake();
        assertThat(requested.server.state()).isEqualTo(ServerState.CONNECTED);
        assertThat(requested.serverTrace).anyMatch(t -> t.input() == Input.CERTIFICATE_EMPTY);
        EngineFixtures.Pair required = new EngineFixtures.Pair(EngineFixtures.client(EC).build(),
                EngineFixtures.server(EC).clientAuth(ClientAuthPolicy.REQUIRE).build()).handshake();
        assertThat(required.server.failure().orElseThrow().reason()).isEqualTo(Reason.CERTIFICATE_REQUIRED);
        assertThat(required.client.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.CERTIFICATE_REQUIRED);
        required.assertTracesArePathsOfTheModel();
    }

    @Test
    void tls12ClientAuthenticatesWithItsCertificate() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(
                EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).certifiedKey(EC.certifiedLeaf()).build(),
                EngineFixtures.server(EC).clientAuth(ClientAuthPolicy.REQUIRE)
                        .certificateVerifier(CertificateVerifier.pkix(EC.anchors())).build()).handshake();
        assertThat(pair.client.failure()).isEmpty();
        assertThat(pair.server.state()).isEqualTo(ServerState.TLS12_CONNECTED);
        assertThat(pair.serverTrace).anyMatch(t -> t.input() == Input.CERTIFICATE_VERIFY);
        pair.assertTracesArePathsOfTheModel();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.US_ASCII);
    }
}
