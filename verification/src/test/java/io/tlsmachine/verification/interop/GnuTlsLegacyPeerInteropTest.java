package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.ServerSessionCache;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsClient;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConnection;
import io.tlsmachine.model.ProtocolVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real legacy TLS 1.2 peer: GnuTLS with {@code %NO_SESSION_HASH} (no extended master secret, RFC 7627) and
 * {@code %DISABLE_SAFE_RENEGOTIATION} (neither renegotiation_info nor the SCSV, RFC 5746), on 127.0.0.1, both roles.
 * By default the handshake completes, its session is never resumed, and it exports no keying material (RFC 7627
 * §5.2-5.4); with the options the handshake fails.
 */
@Tag("slow")
class GnuTlsLegacyPeerInteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String LEGACY = "NORMAL:-VERS-ALL:+VERS-TLS1.2:%NO_SESSION_HASH:%DISABLE_SAFE_RENEGOTIATION";

    @TempDir
    Path dir;

    private static List<String> gnutlsCli(int port, InteropPki.PemFiles pem, List<String> extra) {
        List<String> command = new ArrayList<>(List.of("gnutls-cli", "-p", String.valueOf(port), "--sni-hostname",
                InteropPki.HOST, "--verify-hostname", InteropPki.HOST, "--x509cafile", pem.root().toString(),
                "--priority", LEGACY));
        command.addAll(extra);
        command.add("127.0.0.1");
        return command;
    }

    @Test
    void ourServerServesALegacyClientAndDoesNotResumeItsSession() throws Exception {
        Peers.requireGnutls();
        InteropPki.PemFiles pem = InteropPki.EC.writePem(dir);
        TlsConfig config = InteropPki.EC.ourServer().versions(ProtocolVersion.TLS12).ticketsEnabled(true)
                .sessionCache(new ServerSessionCache(8)).build();
        try (OurServer server = new OurServer(config, 1, false);
                PeerProcess client = PeerProcess.start(gnutlsCli(server.port(), pem, List.of("--resume")))) {
            // gnutls-cli 3.7 says "*** This is a resumed session" when the server resumed.
            client.awaitOutput(out -> out.contains("Simple Client Mode"), TIMEOUT);
            client.send("legacy\n");
            client.awaitOutput(out -> out.contains("echo: legacy"), TIMEOUT);
            assertThat(client.awaitExit(TIMEOUT)).as("gnutls-cli exits after our close_notify").isTrue();
            assertThat(client.output()).doesNotContain("This is a resumed session");
            for (OurServer.Served served : List.of(server.next(), server.next())) {
                assertThat(served.parameters().resumed()).isFalse();
                assertThat(served.facts().extendedMasterSecret()).isFalse();
            }
        }
    }

    @Test
    void ourServerRequiringEmsRefusesTheLegacyClient() throws Exception {
        Peers.requireGnutls();
        InteropPki.PemFiles pem = InteropPki.EC.writePem(dir);
        TlsConfig config = InteropPki.EC.ourServer().versions(ProtocolVersion.TLS12).extendedMasterSecretRequired(true).build();
        try (OurServer server = new OurServer(config, 1, false);
                PeerProcess client = PeerProcess.start(gnutlsCli(server.port(), pem, List.of()))) {
            client.awaitOutput(out -> out.contains("Handshake failed"), TIMEOUT);
            assertThat(client.output()).contains("Handshake failed");
            assertThat(server.next().failure()).as("our server failed the handshake").isNotNull();
        }
    }

    @Test
    void ourServerRequiringRenegotiationInfoRefusesTheLegacyClient() throws Exception {
        Peers.requireGnutls();
        InteropPki.PemFiles pem = InteropPki.EC.writePem(dir);
        TlsConfig config = InteropPki.EC.ourServer().versions(ProtocolVersion.TLS12).secureRenegotiationRequired(true).build();
        try (OurServer server = new OurServer(config, 1, false);
                PeerProcess client = PeerProcess.start(gnutlsCli(server.port(), pem, List.of()))) {
            client.awaitOutput(out -> out.contains("Handshake failed"), TIMEOUT);
            assertThat(server.next().failure()).as("our server failed the handshake").isNotNull();
        }
    }

    @Test
    void ourClientConnectsToALegacyServerKeepsNoSessionAndExportsNothing() throws Exception {
        TicketStore store = new TicketStore();
        TlsConfig client = InteropPki.EC.ourClient().versions(ProtocolVersion.TLS12).ticketStore(store).build();
        try (GnutlsServer server = legacyServer()) {
            try (TlsConnection connection = TlsClient.connect(loopback(server.port()), client, t -> { }, TIMEOUT)) {
                connection.write("legacy server\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(connection.read(), StandardCharsets.US_ASCII)).as(server.output()).isEqualTo("legacy server\n");
                assertThat(connection.engine().facts().extendedMasterSecret()).isFalse();
                assertThatThrownBy(() -> connection.engine().exportKeyingMaterial("EXPERIMENTAL legacy", null, 16))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("RFC 7627");
            }
            assertThat(store.has(InteropPki.HOST)).as("no session kept for resumption").isFalse();
        }
    }

    @Test
    void ourClientRequiringEmsRefusesALegacyServer() throws Exception {
        TlsConfig client = InteropPki.EC.ourClient().versions(ProtocolVersion.TLS12).extendedMasterSecretRequired(true).build();
        try (GnutlsServer server = legacyServer()) {
            assertThatThrownBy(() -> TlsClient.connect(loopback(server.port()), client, t -> { }, TIMEOUT).close())
                    .satisfies(e -> assertThat(messages(e)).contains("extended master secret"));
        }
    }

    private GnutlsServer legacyServer() throws Exception {
        Peers.requireGnutls();
        Peers.requirePrivateNetworkNamespace();
        InteropPki.PemFiles pem = InteropPki.EC.writePem(dir);
        return new GnutlsServer(dir, List.of("--echo", "--x509certfile", pem.leafAndChain().toString(),
                "--x509keyfile", InteropPki.EC.writeGnutlsKey(dir).toString(), "--priority", LEGACY));
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
