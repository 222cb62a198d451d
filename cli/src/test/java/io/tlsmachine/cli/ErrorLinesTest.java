package io.tlsmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failure a user meets prints one line, {@code tlsmachine: ...}, with the exit status of its kind. */
class ErrorLinesTest {
    @TempDir
    Path folder;

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {
        String firstErrorLine() {
            return err.lines().findFirst().orElse("");
        }

        Run assertOneLine(ExitStatus expected, String line) {
            assertThat(firstErrorLine()).isEqualTo(line);
            assertThat(status).isEqualTo(expected.code());
            assertThat(out + err).doesNotContain("at io.", "Exception");
            return this;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = TlsMachineCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aServersFatalAlertIsNamedWithWhatWeOffered() throws Exception {
        int port = Loopback.freePort();
        CompletableFuture<Run> server = serve(port, "--groups", "secp384r1");
        run("client", "127.0.0.1:" + port, "--insecure", "--versions", "1.3", "--groups", "x25519")
                .assertOneLine(ExitStatus.PEER_ALERT, "tlsmachine: the server refused the handshake: fatal alert "
                        + "handshake_failure (40) after our ClientHello (we offered TLS 1.3; groups x25519)");
        server.get(20, TimeUnit.SECONDS);
    }

    @Test
    void theTraceNamesTheAlertTheServerSent() throws Exception {
        int port = Loopback.freePort();
        CompletableFuture<Run> server = serve(port, "--groups", "secp384r1");
        java.io.PrintStream systemErr = System.err;
        java.io.ByteArrayOutputStream traced = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(traced, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            run("client", "127.0.0.1:" + port, "--insecure", "--versions", "1.3", "--groups", "x25519", "--trace");
        } finally {
            System.setErr(systemErr);
        }
        server.get(20, TimeUnit.SECONDS);

        assertThat(traced.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("[client] WAIT_SH --ALERT_FATAL@", "(peer sent fatal handshake_failure (40))");
    }

    @Test
    void aServerThatRequiresAClientCertificateSaysSo() throws Exception {
        int port = Loopback.freePort();
        CompletableFuture<Run> server = serve(port, "--client-auth", "require", "--versions", "1.3");
        run("client", "127.0.0.1:" + port, "--insecure", "--send", "ping")
                .assertOneLine(ExitStatus.PEER_ALERT, "tlsmachine: the server requires a client certificate (--cert/--key)");
        server.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aSelfSignedServerCertificateSuggestsTrustOrInsecure() throws Exception {
        int port = Loopback.freePort();
        CompletableFuture<Run> server = serve(port);
        Run client = run("client", "127.0.0.1:" + port);
        assertThat(client.firstErrorLine()).startsWith("tlsmachine: the server's certificate is not accepted: no trusted "
                + "certificate authority issued ").endsWith("; use --trust FILE, or --insecure to skip verification");
        client.assertOneLine(ExitStatus.CERTIFICATE, client.firstErrorLine());
        server.get(20, TimeUnit.SECONDS);
    }

    @Test
    void connectionRefused() throws IOException {
        int port = Loopback.freePort();
        run("client", "127.0.0.1:" + port).assertOneLine(ExitStatus.NETWORK,
                "tlsmachine: cannot connect to 127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void unknownHost() {
        run("client", "no-such-host.invalid:443").assertOneLine(ExitStatus.NETWORK,
                "tlsmachine: unknown host: no-such-host.invalid");
    }

    @Test
    void aPortInUseIsFoundBeforeAnyCertificateIsGenerated() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run server = run("server", "--port", String.valueOf(taken.getLocalPort()));
            server.assertOneLine(ExitStatus.NETWORK, "tlsmachine: 127.0.0.1:" + taken.getLocalPort() + " is already in use");
            assertThat(server.out()).doesNotContain("generated");
        }
    }

    @Test
    void aPlainHttpServerIsRecognised() throws Exception {
        try (ServerSocket http = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<Void> answer = CompletableFuture.runAsync(() -> answerHttp(http));
            run("client", "127.0.0.1:" + http.getLocalPort(), "--insecure").assertOneLine(ExitStatus.OUR_ALERT,
                    "tlsmachine: the server answered with non-TLS data (it looks like HTTP)");
            answer.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMissingCertificateFileIsNamed() {
        Path missing = folder.resolve("missing.pem");
        run("client", "127.0.0.1:1", "--cert", missing.toString(), "--key", missing.toString())
                .assertOneLine(ExitStatus.FILE, "tlsmachine: no such file: " + missing);
    }

    @Test
    void aDerCertificateIsToldHowToConvert() throws IOException {
        Path der = Files.write(folder.resolve("cert.der"), new byte[] {0x30, (byte) 0x82, 0x01, 0x0A});
        Path key = Files.writeString(folder.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n");
        run("server", "--port", "0", "--cert", der.toString(), "--key", key.toString()).assertOneLine(ExitStatus.FILE,
                "tlsmachine: " + der + " is DER, not PEM: convert with openssl x509 -inform der -in " + der + " -out "
                        + der + ".pem");
    }

    @Test
    void aUrlOrAHostWithoutPortIsAUsageError() {
        run("client", "https://host:443/").assertOneLine(ExitStatus.USAGE,
                "tlsmachine: expected HOST:PORT (e.g. example.com:443), got https://host:443/");
        run("client", "host").assertOneLine(ExitStatus.USAGE,
                "tlsmachine: expected HOST:PORT (e.g. example.com:443), got host");
    }

    @Test
    void aBadClientAuthValueListsTheCandidates() {
        run("server", "--port", "0", "--client-auth", "bogus").assertOneLine(ExitStatus.USAGE, "tlsmachine: Invalid "
                + "value for option '--client-auth': expected one of [none, request, require] (case-sensitive) but was "
                + "'bogus'");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : new String[] {"diagram", "check", "client", "server", "demo"}) {
            Run help = run(command, "--help");
            assertThat(help.status()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: tlsmachine " + command);
        }
    }

    @Test
    void versionPrintsTheProgramVersionOnEveryCommand() {
        for (String command : new String[] {"diagram", "check", "client", "server", "demo"}) {
            assertThat(run(command, "--version").out()).as(command).isEqualTo(TlsMachineCli.VERSION + "\n");
        }
    }

    @Test
    void theGeneratedKeyIsInAnOwnerOnlyFolderDeletedOnExit() throws Exception {
        int port = Loopback.freePort();
        CompletableFuture<Run> server = CompletableFuture.supplyAsync(() -> run("server", "--port",
                String.valueOf(port), "--exit-after", "1"));
        Loopback.waitUntilListening(port, Duration.ofSeconds(20));
        Run served = server.get(20, TimeUnit.SECONDS);
        Path key = Path.of(served.out().lines().filter(l -> l.startsWith("  key:")).findFirst().orElseThrow()
                .substring("  key:".length()).trim());
        assertThat(key.getParent().getFileName().toString()).startsWith("tlsmachine-server-");
        assertThat(key.getParent()).doesNotExist();
        Path folder = PrivateFolder.create("tlsmachine-test-");
        assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        PrivateFolder.delete(folder);
        assertThat(folder).doesNotExist();
    }

    @Test
    void requiringClientCertificatesWithoutTrustWarnsWhichTrustStoreIsUsed() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run server = run("server", "--port", String.valueOf(taken.getLocalPort()), "--client-auth", "require");
            assertThat(server.firstErrorLine()).isEqualTo("tlsmachine: warning: --client-auth require without --trust: "
                    + "client certificates are checked against the JDK's trust store (javax.net.ssl.trustStore, else "
                    + "jssecacerts or cacerts)");
            assertThat(server.err().lines().skip(1).findFirst())
                    .hasValue("tlsmachine: 127.0.0.1:" + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void svgOfBothMachinesIsOneValidFilePerMachine() throws Exception {
        Run run = run("diagram", "--format", "svg", "--tls", "1.3", "--out", folder.toString());
        assertThat(run.status()).isZero();
        List<Path> written = run.out().lines().map(Path::of).toList();
        assertThat(written).hasSize(2);
        javax.xml.parsers.DocumentBuilderFactory xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (Path svg : written) {
            xml.newDocumentBuilder().parse(svg.toFile());
            assertThat(Files.readString(svg)).containsOnlyOnce("</svg>");
        }
    }

    @Test
    void debugAddsTheStackTrace() {
        Run run = run("client", "--debug", "127.0.0.1:" + 1);
        assertThat(run.firstErrorLine()).startsWith("tlsmachine: cannot connect to 127.0.0.1:1");
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void theHelpTableHasEveryExitStatus() {
        assertThat(ExitStatus.TABLE).isEqualTo(ExitStatus.table());
        assertThat(run("--help").out()).contains("Exit status:", "  6  certificate:");
        String readme = readReadme();
        for (ExitStatus status : ExitStatus.values()) {
            assertThat(readme).contains(String.format("| %d | %s |", status.code(), status.meaning()));
        }
    }

    private static String readReadme() {
        Path here = Path.of("").toAbsolutePath();
        Path readme = Files.exists(here.resolve("README.md")) && Files.exists(here.resolve("cli")) ? here.resolve("README.md")
                : here.getParent().resolve("README.md");
        try {
            return Files.readString(readme);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Starts {@code tlsmachine server} for two connections: the readiness probe and the client. */
    private static CompletableFuture<Run> serve(int port, String... options) throws InterruptedException {
        String[] args = new String[options.length + 5];
        System.arraycopy(new String[] {"server", "--port", String.valueOf(port), "--exit-after", "2"}, 0, args, 0, 5);
        System.arraycopy(options, 0, args, 5, options.length);
        CompletableFuture<Run> server = CompletableFuture.supplyAsync(() -> run(args));
        Loopback.waitUntilListening(port, Duration.ofSeconds(20));
        return server;
    }

    private static void answerHttp(ServerSocket http) {
        try (Socket socket = http.accept(); InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream()) {
            in.read(new byte[4096]);
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
