package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import org.junit.jupiter.api.Test;

/** TLS 1.3 post-handshake client authentication (RFC 8446 §4.2.6, §4.6.2). */
class PostHandshakeAuthTest {

    private static TlsConfig server() {
        return EngineFixtures.server(EC).certificateVerifier(CertificateVerifier.pkix(EC.anchors())).build();
    }

    private static EngineFixtures.Pair connected(TlsConfig client) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client, server()).handshake();
        assertThat(pair.client.state()).isEqualTo(ClientState.CONNECTED);
        assertThat(pair.server.state()).isEqualTo(ServerState.CONNECTED);
        return pair;
    }

    private static long serverInputs(EngineFixtures.Pair pair, Input input) {
        return pair.serverTrace.stream().filter(t -> t.input() == input).count();
    }

    private static void exchangeApplicationData(EngineFixtures.Pair pair) {
        pair.client.writeApplicationData(new byte[] {1, 2, 3});
        pair.server.writeApplicationData(new byte[] {4, 5});
        pair.pump();
        assertThat(pair.server.readApplicationData()).containsExactly(1, 2, 3);
        assertThat(pair.client.readApplicationData()).containsExactly(4, 5);
    }

    @Test
    void clientWithACertificateAuthenticatesWhenTheServerAsksAfterTheHandshake() {
        EngineFixtures.Pair pair = connected(EngineFixtures.client(EC).certifiedKey(EC.certifiedLeaf()).postHandshakeAuth(true).build());
        assertThat(serverInputs(pair, Input.CERTIFICATE)).as("no client certificate in the main handshake").isZero();
        pair.server.requestClientAuth();
        pair.pump();
        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.client.failure()).isEmpty();
        assertThat(pair.server.state()).isEqualTo(ServerState.CONNECTED);
        assertThat(serverInputs(pair, Input.CERTIFICATE)).isEqualTo(1);
        assertThat(serverInputs(pair, Input.CERTIFICATE_VERIFY)).isEqualTo(1);
        exchangeApplicationData(pair);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void eachAuthenticationStartsFromTheHandshakeTranscriptSoItCanBeRepeatedAfterAKeyUpdate() {
        EngineFixtures.Pair pair = connected(EngineFixtures.client(EC).certifiedKey(EC.certifiedLeaf()).postHandshakeAuth(true).build());
        pair.server.requestClientAuth();
        pair.pump();
        pair.client.requestKeyUpdate();
        pair.pump();
        pair.server.requestClientAuth();
        pair.pump();
        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.client.failure()).isEmpty();
        assertThat(serverInputs(pair, Input.CERTIFICATE_VERIFY)).isEqualTo(2);
        exchangeApplicationData(pair);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void clientWithoutACertificateAnswersWithAnEmptyOneAndFinished() {
        EngineFixtures.Pair pair = connected(EngineFixtures.client(EC).postHandshakeAuth(true).build());
        pair.server.requestClientAuth();
        pair.pump();
        assertThat(pair.server.failure()).isEmpty();
        assertThat(serverInputs(pair, Input.CERTIFICATE_EMPTY)).isEqualTo(1);
        assertThat(pair.server.state()).isEqualTo(ServerState.CONNECTED);
        exchangeApplicationData(pair);
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void serverDeclinesWhenTheClientDidNotOfferPostHandshakeAuth() {
        EngineFixtures.Pair pair = connected(EngineFixtures.client(EC).certifiedKey(EC.certifiedLeaf()).build());
        pair.server.requestClientAuth();
        assertThat(pair.server.drainOutbound()).isEmpty();
        assertThat(pair.server.state()).isEqualTo(ServerState.CONNECTED);
        exchangeApplicationData(pair);
        pair.assertTracesArePathsOfTheModel();
    }
}
