package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Security;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Jetty 12 server whose SslContextFactory holds our SSLContext (HTTP/2 and HTTP/1.1 by ALPN), reached by the JDK's
 * HttpClient over the JDK's provider or ours, by curl and by openssl s_client: both versions, resumption through
 * our server's session context, client authentication, a refused certificate, and Jetty closing the connection.
 */
@Tag("slow")
@Timeout(60)
class JettyInteropTest {
    private static final JssePki pki = new JssePki(CertificateKeyType.EC_P256);
    @TempDir
    static Path dir;
    private static JssePki.PemFiles pem;

    @BeforeAll
    static void writePemFilesForCurlAndOpenSsl() {
        pem = pki.writePem(dir);
    }

    @ParameterizedTest(name = "server {0}, client provider {1}")
    @CsvSource({"TLSv1.3, JDK", "TLSv1.2, JDK", "TLSv1.3, ours"})
    void jettyServesHttpsOverOurContext(String protocol, String clientProvider) throws Exception {
        Handshakes handshaken = new Handshakes();
        Server server = jetty(pki.ours(protocol), handshaken);
        server.start();
        try {
            int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            SSLContext clientContext = clientProvider.equals("ours") ? pki.ours("TLS") : pki.jdk("TLS");
            HttpClient client = HttpClient.newBuilder().sslContext(clientContext).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String body = "y".repeat(30_000);

            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port
                    + "/")).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("echo " + body);
            assertThat(response.sslSession().orElseThrow().getProtocol()).isEqualTo(protocol);
            SSLEngine engine = handshaken.next();
            assertThat(engine).isInstanceOf(TlsMachineEngine.class);
            assertThat(engine.getSession().getProtocol()).isEqualTo(protocol);
        } finally {
            server.stop();
        }
    }

    @Test
    void jettyBuildsItsContextWithOurProviderFromItsKeyStoreAndChoosesTheKeyThroughItsSniKeyManager() throws Exception {
        Security.addProvider(new TlsMachineProvider());
        try {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStore(pki.keyStore());
            tls.setKeyStorePassword(JssePki.password());
            tls.setProvider(TlsMachineProvider.NAME);
            Handshakes handshaken = new Handshakes();
            Server server = jetty(tls, handshaken);
            server.start();
            try {
                int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
                HttpClient client = HttpClient.newBuilder().sslContext(pki.jdk("TLS"))
                        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                        + port + "/")).POST(HttpRequest.BodyPublishers.ofString("sni")).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.body()).isEqualTo("echo sni");
                assertThat(tls.getSslContext().getProvider().getName()).isEqualTo(TlsMachineProvider.NAME);
                SSLEngine engine = handshaken.next();
                assertThat(engine).isInstanceOf(TlsMachineEngine.class);
                assertThat(engine.getSession().getLocalCertificates()[0])
                        .isEqualTo(pki.keyStore().getCertificateChain("leaf")[0]);
            } finally {
                server.stop();
            }
        } finally {
            Security.removeProvider(TlsMachineProvider.NAME);
        }
    }

    @ParameterizedTest(name = "{0}, HTTP/{1}")
    @CsvSource({"TLSv1.3, 1.1", "TLSv1.3, 2", "TLSv1.2, 1.1", "TLSv1.2, 2"})
    void curlPostsToJettyOverOurContext(String protocol, String httpVersion) throws Exception {
        Handshakes handshaken = new Handshakes();
        Server server = jetty(pki.ours("TLS"), handshaken);
        server.start();
        try {
            String output = ExternalProgram.run(curl(port(server), pem.root(), protocol, "--http" + httpVersion,
                    "--data-binary", "from curl"));

            assertThat(output).isEqualTo("echo from curl\n" + httpVersion);
            SSLEngine engine = handshaken.next();
            assertThat(engine).isInstanceOf(TlsMachineEngine.class);
            assertThat(engine.getSession().getProtocol()).isEqualTo(protocol);
            assertThat(engine.getApplicationProtocol()).isEqualTo(httpVersion.equals("2") ? "h2" : "http/1.1");
        } finally {
            server.stop();
        }
    }

    @Test
    void curlRefusesJettysCertificateWhenItTrustsAnotherRootAndOurServerGetsItsAlert() throws Exception {
        JssePki.PemFiles stranger = new JssePki(CertificateKeyType.EC_P256).writePem(Files.createDirectory(dir.resolve("other")));
        Handshakes handshaken = new Handshakes();
        Server server = jetty(pki.ours("TLS"), handshaken);
        server.start();
        try {
            String output = ExternalProgram.run(curl(port(server), stranger.root(), "TLSv1.3", "--http1.1"));

            assertThat(output).contains("SSL certificate problem");
            assertThat(handshaken.nextFailure()).hasMessageContaining("the peer sent fatal unknown_ca");
        } finally {
            server.stop();
        }
    }

    /**
     * openssl s_client fetches a page from Jetty, which closes the connection (close_notify, then s_client ends);
     * a second s_client resumes the session the first saved (by ticket, or by TLS 1.2 session ID), and our server's
     * resumed session continues the original: the same id.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(value = {"TLSv1.3, by ticket", "TLSv1.2, by ticket", "TLSv1.2, -no_ticket"})
    void opensslClientGetsAPageFromJettyAndResumesItsSession(String protocol, String resumption) throws Exception {
        Handshakes handshaken = new Handshakes();
        Server server = jetty(pki.ours("TLS"), handshaken);
        server.start();
        Path session = dir.resolve("session-" + protocol + resumption);
        List<String> options = resumption.startsWith("-") ? List.of(resumption) : List.of();
        try {
            String first = fetchWithOpenSsl(port(server), protocol, concat(options, "-sess_out", session.toString()));
            String second = fetchWithOpenSsl(port(server), protocol, concat(options, "-sess_in", session.toString()));

            assertThat(first).contains("New, " + protocol).contains("Verification: OK").contains("HTTP/1.1 200");
            assertThat(second).contains("Reused, " + protocol).contains("HTTP/1.1 200");
            SSLEngine original = handshaken.next();
            SSLEngine resumed = handshaken.next();
            assertThat(negotiated(original).resumed()).isFalse();
            assertThat(negotiated(resumed).resumed()).isTrue();
            assertThat(resumed.getSession().getId()).isEqualTo(original.getSession().getId());
        } finally {
            server.stop();
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void jettyNeedingClientAuthenticationAcceptsOpenSslsCertificateAndRefusesItsAbsence(String protocol)
            throws Exception {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(pki.ours("TLS"));
        tls.setNeedClientAuth(true);
        Handshakes handshaken = new Handshakes();
        Server server = jetty(tls, handshaken);
        server.start();
        try {
            String authenticated = fetchWithOpenSsl(port(server), protocol, List.of("-cert", pem.leaf().toString(),
                    "-key", pem.key().toString(), "-cert_chain", pem.intermediate().toString()));
            assertThat(authenticated).contains("HTTP/1.1 200");
            assertThat(handshaken.next().getSession().getPeerCertificates()[0])
                    .isEqualTo(pki.keyStore().getCertificateChain("leaf")[0]);

            fetchWithOpenSsl(port(server), protocol, List.of());
            assertThat(handshaken.nextFailure()).hasMessageContaining("no certificate");
        } finally {
            server.stop();
        }
    }

    private static List<String> curl(int port, Path root, String protocol, String... arguments) {
        String version = protocol.equals("TLSv1.3") ? "1.3" : "1.2";
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10", "--cacert", root.toString(),
                "--resolve", "localhost:" + port + ":127.0.0.1", "--tlsv" + version, "--tls-max", version,
                "-w", "\n%{http_version}"));
        command.addAll(List.of(arguments));
        command.add("https://localhost:" + port + "/");
        return command;
    }

    /** Sends one GET with s_client (closing the connection after it) and returns all s_client printed once it ended. */
    private static String fetchWithOpenSsl(int port, String protocol, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", JssePki.HOST, "-verify_hostname", JssePki.HOST, "-CAfile", pem.root().toString(),
                "-verify_return_error", "-ign_eof", protocol.equals("TLSv1.3") ? "-tls1_3" : "-tls1_2"));
        command.addAll(arguments);
        try (ExternalProgram client = ExternalProgram.start(command)) {
            client.send("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(client.awaitExit(ExternalProgram.TIMEOUT)).as("s_client ends once Jetty closed: %s", client.output())
                    .isTrue();
            return client.output();
        }
    }

    private static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private static io.tlsmachine.NegotiatedParameters negotiated(SSLEngine engine) {
        return ((TlsMachineSession) engine.getSession()).negotiatedParameters().orElseThrow();
    }

    /** The engines of Jetty's finished handshakes and the failures of its failed ones, in order. */
    private static final class Handshakes implements SslHandshakeListener {
        private final BlockingQueue<SSLEngine> succeeded = new LinkedBlockingQueue<>();
        private final BlockingQueue<Throwable> failed = new LinkedBlockingQueue<>();

        @Override
        public void handshakeSucceeded(Event event) {
            succeeded.add(event.getSSLEngine());
        }

        @Override
        public void handshakeFailed(Event event, Throwable failure) {
            failed.add(failure);
        }

        SSLEngine next() throws InterruptedException {
            return Objects.requireNonNull(succeeded.poll(10, TimeUnit.SECONDS), "no handshake succeeded");
        }

        Throwable nextFailure() throws InterruptedException {
            return Objects.requireNonNull(failed.poll(10, TimeUnit.SECONDS), "no handshake failed");
        }
    }

    private static Server jetty(SSLContext context, Handshakes handshaken) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(context);
        return jetty(tls, handshaken);
    }

    /** Jetty with HTTP/2 and HTTP/1.1 chosen by ALPN (HTTP/1.1 without it), echoing each request's body. */
    private static Server jetty(SslContextFactory.Server tls, Handshakes handshaken) {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        HttpConnectionFactory http11 = new HttpConnectionFactory(http);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()), alpn,
                new HTTP2ServerConnectionFactory(http), http11);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.addBean(handshaken);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String body = Content.Source.asString(request);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
                Content.Sink.write(response, true, "echo " + body, callback);
                return true;
            }
        });
        return server;
    }
}
