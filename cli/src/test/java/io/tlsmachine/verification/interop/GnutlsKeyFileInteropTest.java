package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.cli.TlsMachineCli;
import io.tlsmachine.CertificateChain;
import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.impl.certificate.PemWriter;
import io.tlsmachine.TrustAnchors;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.TestPki;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GnuTLS reads the EC private keys we write (PKCS#8 whose ECPrivateKey carries curve and public key, RFC 5915 §3):
 * gnutls-serv serves with the key our CLI's {@code server} generates, gnutls-serv serves with a P-256 and a P-384
 * leaf key written by {@link PemWriter}, and gnutls-cli authenticates to our server with such keys.
 */
@Tag("slow")
class GnutlsKeyFileInteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void gnutlsServServesWithTheCertificateAndKeyOurCliServerGenerates() throws Exception {
        Peers.requireGnutls();
        Peers.requirePrivateNetworkNamespace();
        StringWriter cliOutput = new StringWriter();
        PrintWriter out = new PrintWriter(cliOutput, true);
        int cliPort = freePort();
        CompletableFuture<Integer> cli = CompletableFuture.supplyAsync(() -> TlsMachineCli.execute(out, out, "server",
                "--port", String.valueOf(cliPort), "--echo", "--exit-after", "1"));
        Path certificate = awaitPath(cliOutput, cli, "certificate");
        Path key = awaitPath(cliOutput, cli, "key");
        try {
            assertThat(certtoolKeyInfo(key)).contains("Public Key ID");
            TlsConfig client = TlsConfig.builder().serverName("localhost").versions(ProtocolVersion.TLS13)
                    .certificateVerifier(CertificateVerifier.pkix(TrustAnchors.fromPem(certificate))).build();
            try (GnutlsServer server = new GnutlsServer(dir, List.of("--echo", "--x509certfile", certificate.toString(),
                    "--x509keyfile", key.toString(), "--priority", "NORMAL"))) {
                OurClient.Echoed echoed = OurClient.echoVerbatim(server.port(), client, List.of("generated key"), false);
                assertThat(echoed.received()).as(server.output()).isEqualTo("generated key\n");
                assertThat(echoed.parameters().version()).isEqualTo(ProtocolVersion.TLS13);
            }
        } finally {
            // The CLI server exits after its one connection.
            OurClient.echoVerbatim(cliPort, TlsConfig.builder().serverName("localhost")
                    .certificateVerifier(CertificateVerifier.pkix(TrustAnchors.fromPem(certificate))).build(),
                    List.of("bye"), false);
        }
        assertThat(cli.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(cliOutput.toString()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"EC_P256, TLS13", "EC_P384, TLS12"})
    void gnutlsServServesWithTheLeafKeyWeWrite(CertificateKeyType keyType, ProtocolVersion version) throws Exception {
        Peers.requireGnutls();
        Peers.requirePrivateNetworkNamespace();
        TestPki.Hierarchy pki = new TestPki(RANDOM).hierarchy("Key file", keyType, InteropPki.HOST, Instant.now());
        Path chain = dir.resolve("chain.pem");
        Path key = dir.resolve("key.pem");
        PemWriter.write(pki.chain(), chain);
        PemWriter.write(pki.certifiedLeaf().privateKey(), key);
        TlsConfig client = TlsConfig.builder().serverName(InteropPki.HOST).versions(version)
                .certificateVerifier(CertificateVerifier.pkix(pki.anchors())).build();
        try (GnutlsServer server = new GnutlsServer(dir, List.of("--echo", "--x509certfile", chain.toString(),
                "--x509keyfile", key.toString(), "--priority", "NORMAL"))) {
            OurClient.Echoed echoed = OurClient.echoVerbatim(server.port(), client, List.of("our key file"), false);
            assertThat(echoed.received()).as(server.output()).isEqualTo("our key file\n");
            assertThat(echoed.parameters().version()).isEqualTo(version);
        }
    }

    @ParameterizedTest
    @CsvSource({"EC_P256, TLS13", "EC_P384, TLS13", "EC_P256, TLS12"})
    void gnutlsCliAuthenticatesToOurServerWithTheClientKeyWeWrite(CertificateKeyType keyType, ProtocolVersion version)
            throws Exception {
        Peers.requireGnutls();
        TestPki.Hierarchy clientPki = new TestPki(RANDOM).hierarchy("Client key", keyType, "client.test", Instant.now());
        Path clientChain = dir.resolve("client-chain.pem");
        Path clientKey = dir.resolve("client-key.pem");
        PemWriter.write(clientPki.chain(), clientChain);
        PemWriter.write(clientPki.certifiedLeaf().privateKey(), clientKey);
        InteropPki.PemFiles serverPem = InteropPki.EC.writePem(dir);
        TlsConfig config = InteropPki.EC.ourServer().versions(version).clientAuth(ClientAuthPolicy.REQUIRE)
                .certificateVerifier(CertificateVerifier.pkix(clientPki.anchors())).build();
        try (OurServer server = new OurServer(config, 1, false);
                PeerProcess client = PeerProcess.start(List.of("gnutls-cli", "-p", String.valueOf(server.port()),
                        "--sni-hostname", InteropPki.HOST, "--verify-hostname", InteropPki.HOST, "--x509cafile",
                        serverPem.root().toString(), "--x509certfile", clientChain.toString(), "--x509keyfile",
                        clientKey.toString(), "--priority", "NORMAL", "127.0.0.1"))) {
            client.awaitOutput(text -> text.contains("Handshake was completed"), TIMEOUT);
            client.send("client key\n");
            client.awaitOutput(text -> text.contains("echo: client key"), TIMEOUT);
            assertThat(client.awaitExit(TIMEOUT)).as("gnutls-cli exits after our close_notify").isTrue();
            OurServer.Served served = server.next();
            assertThat(served.parameters().version()).isEqualTo(version);
            assertThat(served.facts().clientAuthRequested()).isTrue();
            assertThat(served.received()).isEqualTo("client key\n");
        }
    }

    private static Path awaitPath(StringWriter output, CompletableFuture<Integer> cli, String label) throws Exception {
        Pattern line = Pattern.compile("^\\s+" + label + ":\\s+(\\S+)$", Pattern.MULTILINE);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = line.matcher(output.toString());
            if (matcher.find()) {
                return Path.of(matcher.group(1));
            }
            if (cli.isDone()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the CLI server printed no " + label + " path: " + output);
    }

    private static String certtoolKeyInfo(Path key) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("certtool", "--key-info", "--infile", key.toString()));
        try (PeerProcess certtool = PeerProcess.start(command)) {
            assertThat(certtool.awaitExit(TIMEOUT)).as("certtool finished").isTrue();
            return certtool.output();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
