package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.extension.KeyShareOffer;
import io.tlsmachine.impl.codec.extension.SupportedVersionsOffer;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import io.tlsmachine.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs TLS 1.2 ECDHE handshakes (extended master secret, RFC 5746) between two engines in memory. */
class Tls12HandshakeTest {

    /**
     * Connects with ECDHE over {@code group}; the client also lists secp256r1, the curve of the EC certificate, which
     * TLS 1.2 requires for ECDSA suites (RFC 4492 §5.3); the server prefers x25519, so the key exchange stays on
     * {@code group}.
     */
    private static EngineFixtures.Pair connect(TestPki.Hierarchy pki, CipherSuite suite, KeyExchangeGroup group) {
        KeyExchangeGroup[] groups = group == KeyExchangeGroup.SECP256R1 ? new KeyExchangeGroup[] {group}
                : new KeyExchangeGroup[] {group, KeyExchangeGroup.SECP256R1};
        EngineFixtures.Pair pair = new EngineFixtures.Pair(
                EngineFixtures.client(pki).versions(ProtocolVersion.TLS12).cipherSuites(suite).groups(groups).build(),
                EngineFixtures.server(pki).build()).handshake();
        assertThat(pair.client.failure()).isEmpty();
        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.client.state()).isEqualTo(ClientState.TLS12_CONNECTED);
        assertThat(pair.server.state()).isEqualTo(ServerState.TLS12_CONNECTED);
        assertThat(pair.client.negotiated().orElseThrow().cipherSuite()).isEqualTo(suite);
        assertThat(pair.client.negotiated().orElseThrow().group()).contains(group);
        assertThat(pair.client.negotiated().orElseThrow().version()).isEqualTo(ProtocolVersion.TLS12);
        assertThat(pair.client.facts().extendedMasterSecret()).isTrue();
        pair.assertTracesArePathsOfTheModel();
        return pair;
    }

    @Test
    void completesEcdheEcdsaWithAesGcmAndChaCha20() {
        for (CipherSuite suite : List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256)) {
            for (KeyExchangeGroup group : List.of(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1)) {
                connect(EC, suite, group);
            }
        }
    }

    @Test
    void completesEcdheRsaWithAesGcmAndChaCha20() {
        for (CipherSuite suite : List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256)) {
            for (KeyExchangeGroup group : List.of(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1)) {
                connect(RSA, suite, group);
            }
        }
    }

    @Test
    void carriesApplicationDataBothWaysAndClosesInOrder() {
        EngineFixtures.Pair pair = connect(EC, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, KeyExchangeGroup.X25519);
        pair.client.writeApplicationData("hello".getBytes(StandardCharsets.US_ASCII));
        pair.server.writeApplicationData("world".getBytes(StandardCharsets.US_ASCII));
        pair.pump();
        assertThat(new String(pair.server.readApplicationData(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(new String(pair.client.readApplicationData(), StandardCharsets.US_ASCII)).isEqualTo("world");
        pair.client.close();
        pair.pump();
        assertThat(pair.client.state()).isEqualTo(ClientState.CLOSED);
        assertThat(pair.server.state()).isEqualTo(ServerState.CLOSED);
        pair.assertTracesArePathsOfTheModel();
    }

    /**
     * RFC 8446 §4.1.3: an attacker strips supported_versions from a TLS 1.3 client's ClientHello; the TLS 1.3-capable
     * server negotiates TLS 1.2 with the downgrade sentinel, and the client aborts with illegal_parameter.
     */
    @Test
    void tls13ClientAbortsWhenTheServerRandomCarriesTheDowngradeSentinel() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        pair.server.feed(EngineFixtures.rewriteClientHello(pair.client.drainOutbound(), hello -> EngineFixtures.withoutExtensions(
                hello, e -> e instanceof SupportedVersionsOffer || e instanceof KeyShareOffer, null)));
        pair.pump();
        assertThat(pair.server.negotiated().orElseThrow().version()).isEqualTo(ProtocolVersion.TLS12);
        assertThat(pair.client.state()).isEqualTo(ClientState.FAILED);
        assertThat(pair.client.failure().orElseThrow().reason()).isEqualTo(Reason.DOWNGRADE_DETECTED);
        assertThat(pair.server.state()).isEqualTo(ServerState.FAILED);
        assertThat(pair.server.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
        pair.assertTracesArePathsOfTheModel();
    }
}
