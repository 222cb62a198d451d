package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.model.ProtocolVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The opt-in TLS 1.2 DHE_RSA and RSA key transport suites with GnuTLS, both roles: gnutls-serv (in its private
 * loopback-only namespace, {@link GnutlsServer}) negotiates the RFC 7919 group our client lists, gnutls-cli lists
 * ffdhe2048 and ffdhe3072 to our server; and, with {@code %NO_SESSION_HASH}, the same without extended master secret
 * (RFC 7627) where our side allows it.
 */
@Tag("slow")
class GnuTlsKeyExchangeInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static TlsConfigBuilder ourClient(KeyExchangeSuite suite) {
        return InteropPki.RSA.ourClient().versions(ProtocolVersion.TLS12).cipherSuites(suite.suite());
    }

    private static TlsConfigBuilder ourServer(KeyExchangeSuite suite) {
        return InteropPki.RSA.ourServer().versions(ProtocolVersion.TLS12).cipherSuites(suite.suite());
    }

    @ParameterizedTest
    @EnumSource(KeyExchangeSuite.class)
    void ourClientNegotiatesWithGnutlsServer(KeyExchangeSuite suite) throws Exception {
        OurClient.Echoed echoed = echoWithGnutlsServer(suite.gnutlsPriority(""), ourClient(suite).build());
        assertThat(echoed.parameters().cipherSuite()).isEqualTo(suite.suite());
        assertThat(echoed.facts().extendedMasterSecret()).isTrue();
        if (suite.dhe()) {
            assertThat(echoed.parameters().group()).contains(KeyExchangeGroup.FFDHE2048);
        }
    }

    @ParameterizedTest
    @EnumSource(KeyExchangeSuite.class)
    void gnutlsClientNegotiatesWithOurServer(KeyExchangeSuite suite) throws Exception {
        OurServer.Served served = echoWithGnutlsClient(suite.gnutlsPriority(""), ourServer(suite).build());
        assertThat(served.parameters().cipherSuite()).isEqualTo(suite.suite());
        assertThat(served.facts().extendedMasterSecret()).isTrue();
        if (suite.dhe()) {
            assertThat(served.parameters().group()).contains(KeyExchangeGroup.FFDHE2048);
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeyExchangeSuite.class, names = {"DHE_RSA_AES_128_GCM", "RSA_AES_256_GCM"})
    void ourClientNegotiatesWithoutExtendedMasterSecretWhenAllowed(KeyExchangeSuite suite) throws Exception {
        OurClient.Echoed echoed = echoWithGnutlsServer(suite.gnutlsPriority(":%NO_SESSION_HASH"),
                ourClient(suite).extendedMasterSecretRequired(false).build());
        assertThat(echoed.parameters().cipherSuite()).isEqualTo(suite.suite());
        assertThat(echoed.facts().extendedMasterSecret()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = KeyExchangeSuite.class, names = {"DHE_RSA_CHACHA20", "RSA_AES_128_GCM"})
    void ourServerNegotiatesWithoutExtendedMasterSecretWhenAllowed(KeyExchangeSuite suite) throws Exception {
        OurServer.Served served = echoWithGnutlsClient(suite.gnutlsPriority(":%NO_SESSION_HASH"),
                ourServer(suite).extendedMasterSecretRequired(false).build());
        assertThat(served.parameters().cipherSuite()).isEqualTo(suite.suite());
        assertThat(served.facts().extendedMasterSecret()).isFalse();
    }

    /** Starts gnutls-serv --echo with the RSA certificate and {@code priority}; our client sends one line. */
    private OurClient.Echoed echoWithGnutlsServer(String priority, TlsConfig client) throws Exception {
        Peers.requireGnutls();
        Peers.requirePrivateNetworkNamespace();
        InteropPki.PemFiles pem = InteropPki.RSA.writePem(dir);
        List<String> arguments = List.of("--echo", "--x509certfile", pem.leafAndChain().toString(), "--x509keyfile",
                InteropPki.RSA.writeGnutlsKey(dir).toString(), "--priority", priority);
        try (GnutlsServer server = new GnutlsServer(dir, arguments)) {
            OurClient.Echoed echoed = OurClient.echoVerbatim(server.port(), client, List.of("hello gnutls"), false);
            assertThat(echoed.received()).as(server.output()).isEqualTo("hello gnutls\n");
            assertThat(echoed.parameters().version()).isEqualTo(ProtocolVersion.TLS12);
            return echoed;
        }
    }

    /** Runs gnutls-cli against our echo server: one line there and back, then our close_notify. */
    private OurServer.Served echoWithGnutlsClient(String priority, TlsConfig config) throws Exception {
        Peers.requireGnutls();
        InteropPki.PemFiles pem = InteropPki.RSA.writePem(dir);
        try (OurServer server = new OurServer(config, 1, false)) {
            List<String> command = new ArrayList<>(List.of("gnutls-cli", "-p", String.valueOf(server.port()), "--sni-hostname",
                    InteropPki.HOST, "--verify-hostname", InteropPki.HOST, "--x509cafile", pem.root().toString(),
                    "--priority", priority, "127.0.0.1"));
            try (PeerProcess client = PeerProcess.start(command)) {
                client.awaitOutput(out -> out.contains("Handshake was completed"), TIMEOUT);
                client.send("hello from gnutls\n");
                client.awaitOutput(out -> out.contains("echo: hello from gnutls"), TIMEOUT);
                assertThat(client.awaitExit(TIMEOUT)).as("gnutls-cli exits after our close_notify").isTrue();
                assertThat(client.output()).contains("Peer has closed the GnuTLS connection");
                OurServer.Served served = server.next();
                assertThat(served.parameters().version()).isEqualTo(ProtocolVersion.TLS12);
                assertThat(served.closed()).isTrue();
                return served;
            }
        }
    }
}
