package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsmachine.impl.certificate.PemWriter;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.TestPki;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handshakes with OpenSSL's s_server and s_client on 127.0.0.1, both versions, both roles (skipped without openssl). */
@Tag("slow")
class OpenSslInteropTest {

    @TempDir
    Path dir;

    private boolean lastServerResumed;

    private static boolean opensslAvailable() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void ourClientFetchesThePageOfOpensslServerWithBothVersions() throws Exception {
        assumeTrue(opensslAvailable(), "openssl is not installed locally (CI installs it)");
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            for (TestPki.Hierarchy pki : List.of(EC, RSA)) {
                String page = fetchFromOpensslServer(pki, version, List.of());
                assertThat(page).contains(version == ProtocolVersion.TLS13 ? "TLSv1.3" : "TLSv1.2");
            }
        }
    }

    @Test
    void ourClientNegotiatesEverySuiteWithOpensslServer() throws Exception {
        assumeTrue(opensslAvailable(), "openssl is not installed locally (CI installs it)");
        for (CipherSuite suite : io.tlsmachine.TlsDefaults.TLS13_SUITES) {
            String page = fetchFromOpensslServer(EC, ProtocolVersion.TLS13, List.of(), b -> b.cipherSuites(suite));
            assertThat(page).contains("TLSv1.3");
        }
        for (CipherSuite suite : io.tlsmachine.TlsDefaults.TLS12_SUITES) {
            boolean ecdsa = io.tlsmachine.impl.handshake.SuiteParameters.of(suite).orElseThrow().ecdsaAuthentication();
            String page = fetchFromOpensslServer(ecdsa ? EC : RSA, ProtocolVersion.TLS12, List.of(), b -> b.cipherSuites(suite));
            assertThat(page).as("%s", suite).contains("TLSv1.2");
        }
    }

    @Test
    void ourClientResumesWithOpensslServersTicket() throws Exception {
        assumeTrue(opensslAvailable(), "openssl is not installed locally (CI installs it)");
        io.tlsmachine.TicketStore store = new io.tlsmachine.TicketStore();
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            List<Boolean> resumed = new ArrayList<>();
            String page = fetchFromOpensslServer(EC, version, List.of("-naccept", "2"), b -> b.ticketStore(store), 2, resumed);
            assertThat(page).contains(version == ProtocolVersion.TLS13 ? "TLSv1.3" : "TLSv1.2");
            assertThat(resumed).as("%s", version).containsExactly(false, true);
        }
    }

    @Test
    void opensslClientResumesWithOurServersTicket() throws Exception {
        assumeTrue(opensslAvailable(), "openssl is not installed locally (CI installs it)");
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            Path session = dir.resolve(version + "-session.pem");
            io.tlsmachine.TlsConfig server = EngineFixtures.server(EC).ticketsEnabled(true).build();
            echoWithOpensslClient(EC, version, List.of("-sess_out", session.toString()), server);
            assertThat(lastServerResumed).isFalse();
            assertThat(session).exists();
            String second = echoWithOpensslClient(EC, version, List.of("-sess_in", session.toString()), server);
            assertThat(second).contains("echo: hello from openssl");
            assertThat(lastServerResumed).as("%s", version).isTrue();
        }
    }

    @Test
    void opensslClientResumesTls12BySessionIdWithOurServersCache() throws Exception {
        assumeTrue(opensslAvailable(), "openssl is not installed locally (CI installs it)");
        Path session = dir.resolve("id-session.pem");
        io.tlsmachine.TlsConfig server = EngineFixtures.server(EC)
                .sessionCache(new io.tlsmachine.ServerSessionCache(8)).build();
        echoWithOpensslClient(EC, ProtocolVersion.TLS12, List.of("-sess_out", session.toString(), "-no_ticket"), server);
        assertThat(lastServerResumed).isFalse();
        String second = echoWithOpensslClient(EC, ProtocolVersion.TLS12, List.of("-sess_in", session.toString(), "-no_ticket"),
                server);
        assertThat(second).contains("echo: hello from openssl");
        assertThat(lastServerResumed).isTrue();
    }

    @Test
    void ourClientAnswersOpensslServersHelloRetryRequest() throws Exception {
        assumeTrue(opensslAvailable(), "openssl is not installed locally (CI installs it)");
        // Our client sends an X25519 share only; the server accepts P-256 only, so it must send HelloRetryRequest.
        assertThat(fetchFromOpensslServer(EC, ProtocolVersion.TLS13, List.of("-groups", "P-256"))).contains("TLSv1.3");
    }

    @Test
    void opensslClientTalksToOurServerWithBothVersions() throws Exception {
        assumeTrue(opensslAvailable(), "openssl is not installed locally (CI installs it)");
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            for (TestPki.Hierarchy pki : List.of(EC, RSA)) {
                assertThat(echoWithOpensslClient(pki, version)).contains("echo: hello from openssl");
            }
        }
    }

    @Test
    void opensslClientAuthenticatesToOurServerWithItsCertificate() throws Exception {
        assumeTrue(opensslAvailable(), "openssl is not installed locally (CI installs it)");
        Path clientCert = dir.resolve("client.pem");
        Path clientKey = dir.resolve("client.key");
        Path clientChain = dir.resolve("client-chain.pem");
        PemWriter.write(io.tlsmachine.CertificateChain.of(RSA.leaf().certificate()), clientCert);
        PemWriter.write(io.tlsmachine.CertificateChain.of(RSA.intermediate().certificate()), clientChain);
        PemWriter.write(RSA.certifiedLeaf().privateKey(), clientKey);
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            io.tlsmachine.TlsConfig server = EngineFixtures.server(EC)
                    .clientAuth(io.tlsmachine.ClientAuthPolicy.REQUIRE)
                    .certificateVerifier(io.tlsmachine.CertificateVerifier.pkix(RSA.anchors())).build();
            assertThat(echoWithOpensslClient(EC, version, List.of("-cert", clientCert.toString(), "-cert_chain", clientChain.toString(),
                    "-key", clientKey.toString()),
                    server)).contains("echo: hello from openssl");
        }
    }

    @Test
    void ourClientAuthenticatesToOpensslServerWithItsCertificate() throws Exception {
        assumeTrue(opensslAvailable(), "openssl is not installed locally (CI installs it)");
        Path anchor = dir.resolve("client-root.pem");
        PemWriter.write(io.tlsmachine.CertificateChain.of(EC.root().certificate()), anchor);
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            String page = fetchFromOpensslServer(RSA, version, List.of("-Verify", "2", "-CAfile", anchor.toString(),
                    "-verify_return_error"), b -> b.certifiedKey(EC.certifiedLeaf()));
            assertThat(page).contains(version == ProtocolVersion.TLS13 ? "TLSv1.3" : "TLSv1.2");
        }
    }

    private String fetchFromOpensslServer(TestPki.Hierarchy pki, ProtocolVersion version, List<String> extra) throws Exception {
        return fetchFromOpensslServer(pki, version, extra, b -> b);
    }

    private String fetchFromOpensslServer(TestPki.Hierarchy pki, ProtocolVersion version, List<String> extra,
            java.util.function.UnaryOperator<io.tlsmachine.TlsConfigBuilder> clientOptions) throws Exception {
        return fetchFromOpensslServer(pki, version, extra, clientOptions, 1, new ArrayList<>());
    }

    private String fetchFromOpensslServer(TestPki.Hierarchy pki, ProtocolVersion version, List<String> extra,
            java.util.function.UnaryOperator<io.tlsmachine.TlsConfigBuilder> clientOptions, int connections,
            List<Boolean> resumed) throws Exception {
        Path cert = dir.resolve("server.pem");
        Path key = dir.resolve("server.key");
        Path chain = dir.resolve("chain.pem");
        PemWriter.write(io.tlsmachine.CertificateChain.of(pki.leaf().certificate()), cert);
        PemWriter.write(io.tlsmachine.CertificateChain.of(pki.intermediate().certificate()), chain);
        PemWriter.write(pki.certifiedLeaf().privateKey(), key);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert",
                cert.toString(), "-cert_chain", chain.toString(), "-key", key.toString(), "-www",
                version == ProtocolVersion.TLS13 ? "-tls1_3" : "-tls1_2"));
        command.addAll(extra);
        if (!extra.contains("-naccept")) {
            command.addAll(List.of("-naccept", "1"));
        }
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.contains("ACCEPT")) {
                // Wait until s_server listens.
            }
            String page = "";
            for (int i = 0; i < connections; i++) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    TlsEngine engine = TlsEngine.client(clientOptions.apply(
                            EngineFixtures.client(pki).keyShareGroups(KeyExchangeGroup.X25519)).build());
                    SocketDriver driver = new SocketDriver(engine, socket);
                    driver.handshake();
                    assertThat(engine.negotiated().orElseThrow().version()).isEqualTo(version);
                    resumed.add(engine.negotiated().orElseThrow().resumed());
                    driver.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    page = new String(driver.readUntil(text -> text.contains("</HTML>") || text.contains("</html>")),
                            StandardCharsets.ISO_8859_1);
                }
            }
            return page;
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private String echoWithOpensslClient(TestPki.Hierarchy pki, ProtocolVersion version) throws Exception {
        return echoWithOpensslClient(pki, version, List.of(), EngineFixtures.server(pki).build());
    }

    private String echoWithOpensslClient(TestPki.Hierarchy pki, ProtocolVersion version, List<String> extra,
            io.tlsmachine.TlsConfig serverConfig) throws Exception {
        Path anchor = dir.resolve("root.pem");
        Files.writeString(anchor, PemWriter.encode(io.tlsmachine.CertificateChain.of(
                pki.root().certificate())));
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(10_000);
            List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect",
                    "127.0.0.1:" + listener.getLocalPort(), "-servername", EngineFixtures.HOST, "-CAfile", anchor.toString(),
                    "-verify_return_error", "-quiet", version == ProtocolVersion.TLS13 ? "-tls1_3" : "-tls1_2"));
            command.addAll(extra);
            Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (Socket socket = listener.accept()) {
                client.getOutputStream().write("hello from openssl\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                TlsEngine engine = TlsEngine.server(serverConfig);
                SocketDriver driver = new SocketDriver(engine, socket);
                driver.handshake();
                lastServerResumed = engine.negotiated().orElseThrow().resumed();
                assertThat(engine.negotiated().orElseThrow().version()).isEqualTo(version);
                String received = new String(driver.readUntil(text -> text.contains("\n")), StandardCharsets.US_ASCII);
                driver.write(("echo: " + received).getBytes(StandardCharsets.US_ASCII));
                driver.close();
            }
            assertThat(client.waitFor(10, TimeUnit.SECONDS)).as("s_client exits after close_notify").isTrue();
            return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
