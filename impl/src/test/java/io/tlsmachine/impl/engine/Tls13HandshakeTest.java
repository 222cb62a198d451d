package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CipherSuite;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import io.tlsmachine.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs TLS 1.3 handshakes between a client and a server engine in memory, for every suite, group and key type. */
class Tls13HandshakeTest {

    private static EngineFixtures.Pair connect(TestPki.Hierarchy pki, CipherSuite suite, KeyExchangeGroup group) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(
                EngineFixtures.client(pki).versions(ProtocolVersion.TLS13).cipherSuites(suite).groups(group).build(),
                EngineFixtures.server(pki).versions(ProtocolVersion.TLS13).build()).handshake();
        assertThat(pair.client.failure()).isEmpty();
        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.client.state()).isEqualTo(ClientState.CONNECTED);
        assertThat(pair.server.state()).isEqualTo(ServerState.CONNECTED);
        assertThat(pair.client.negotiated().orElseThrow().cipherSuite()).isEqualTo(suite);
        assertThat(pair.server.negotiated().orElseThrow().group()).contains(group);
        pair.assertTracesArePathsOfTheModel();
        return pair;
    }

    @Test
    void completesWithEveryTls13SuiteAndGroupAndCertificateType() {
        for (TestPki.Hierarchy pki : List.of(EC, RSA)) {
            for (CipherSuite suite : List.of(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
                    CipherSuite.TLS_CHACHA20_POLY1305_SHA256)) {
                for (KeyExchangeGroup group : List.of(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1)) {
                    EngineFixtures.Pair pair = connect(pki, suite, group);
                    assertThat(pair.client.negotiated().orElseThrow().version()).isEqualTo(ProtocolVersion.TLS13);
                }
            }
        }
    }

    @Test
    void serverSignsWithEcdsaOrRsaPssAccordingToItsKey() {
        assertThat(connect(EC, CipherSuite.TLS_AES_128_GCM_SHA256, KeyExchangeGroup.X25519).client.negotiated().orElseThrow()
                .signatureScheme()).contains(SignatureAlgorithm.ECDSA_SECP256R1_SHA256);
        assertThat(connect(RSA, CipherSuite.TLS_AES_128_GCM_SHA256, KeyExchangeGroup.X25519).client.negotiated().orElseThrow()
                .signatureScheme()).contains(SignatureAlgorithm.RSA_PSS_RSAE_SHA256);
    }

    @Test
    void carriesApplicationDataBothWays() {
        EngineFixtures.Pair pair = connect(EC, CipherSuite.TLS_AES_128_GCM_SHA256, KeyExchangeGroup.X25519);
        pair.client.writeApplicationData("ping".getBytes(StandardCharsets.US_ASCII));
        pair.pump();
        assertThat(new String(pair.server.readApplicationData(), StandardCharsets.US_ASCII)).isEqualTo("ping");
        pair.server.writeApplicationData("pong".getBytes(StandardCharsets.US_ASCII));
        pair.pump();
        assertThat(new String(pair.client.readApplicationData(), StandardCharsets.US_ASCII)).isEqualTo("pong");
        pair.assertTracesArePathsOfTheModel();
    }
}
