package io.tlsmachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.testkit.EnginePump;
import io.tlsmachine.testkit.TestPki;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code TlsEngine.client(config, serverName)}: one client configuration, a server name per connection. */
class ServerNamePerConnectionTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TestPki.Hierarchy ALPHA = new TestPki(RANDOM).hierarchy("Alpha", CertificateKeyType.EC_P256,
            "alpha.test", Instant.now());
    private static final TestPki.Hierarchy BETA = new TestPki(RANDOM).hierarchy("Beta", CertificateKeyType.EC_P256,
            "beta.test", Instant.now());
    /** No server name: each connection names its host. */
    private static final TlsConfig SHARED_CLIENT = TlsConfig.builder().certificateVerifier(CertificateVerifier.pkix(
            TrustAnchors.of(ALPHA.root().certificate(), BETA.root().certificate()))).build();

    private static TlsEngine handshake(TlsEngine client, TestPki.Hierarchy serverPki) {
        TlsEngine server = TlsEngine.server(TlsConfig.builder().certifiedKey(serverPki.certifiedLeaf()).build());
        client.beginHandshake();
        EnginePump.exchange(client, server);
        return server;
    }

    @Test
    void oneConfigurationConnectsToTwoHostsEachByItsOwnName() {
        TlsEngine toAlpha = TlsEngine.client(SHARED_CLIENT, "alpha.test");
        TlsEngine alpha = handshake(toAlpha, ALPHA);
        TlsEngine toBeta = TlsEngine.client(SHARED_CLIENT, "beta.test");
        TlsEngine beta = handshake(toBeta, BETA);

        assertThat(toAlpha.isHandshakeComplete()).as("%s", toAlpha.failure()).isTrue();
        assertThat(toBeta.isHandshakeComplete()).as("%s", toBeta.failure()).isTrue();
        assertThat(alpha.negotiated().flatMap(NegotiatedParameters::serverName)).contains("alpha.test");
        assertThat(beta.negotiated().flatMap(NegotiatedParameters::serverName)).contains("beta.test");
        assertThat(SHARED_CLIENT.serverName()).isEmpty();
    }

    @Test
    void theNameGivenPerConnectionIsTheOneTheCertificateMustMatch() {
        TlsEngine client = TlsEngine.client(SHARED_CLIENT, "beta.test");
        handshake(client, ALPHA);

        assertThat(client.isHandshakeComplete()).isFalse();
        assertThat(client.failure()).map(TlsException::getMessage).hasValueSatisfying(
                message -> assertThat(message).containsIgnoringCase("beta.test"));
    }

    @Test
    void aVerifyingClientStillNeedsAServerName() {
        assertThatThrownBy(() -> TlsEngine.client(SHARED_CLIENT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TlsEngine.client(SHARED_CLIENT, (String) null)).isInstanceOf(NullPointerException.class);
    }
}
