package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Security;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.http.HttpHeader;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Jetty 12 server whose SslContextFactory holds our SSLContext, answered by the JDK's HttpClient over the JDK's
 * provider or ours; the engine Jetty's handshake listener sees is ours.
 */
@Tag("slow")
@Timeout(60)
class JettyInteropTest {
    private final JssePki pki = new JssePki(CertificateKeyType.EC_P256);

    @ParameterizedTest(name = "server {0}, client provider {1}")
    @CsvSource({"TLSv1.3, JDK", "TLSv1.2, JDK", "TLSv1.3, ours"})
    void jettyServesHttpsOverOurContext(String protocol, String clientProvider) throws Exception {
        CompletableFuture<SSLEngine> handshaken = new CompletableFuture<>();
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
            SSLEngine engine = handshaken.get(10, TimeUnit.SECONDS);
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
            CompletableFuture<SSLEngine> handshaken = new CompletableFuture<>();
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
                SSLEngine engine = handshaken.get(10, TimeUnit.SECONDS);
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

    private static Server jetty(SSLContext context, CompletableFuture<SSLEngine> handshaken) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(context);
        return jetty(tls, handshaken);
    }

    private static Server jetty(SslContextFactory.Server tls, CompletableFuture<SSLEngine> handshaken) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(new HttpConfiguration()));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.addBean(new SslHandshakeListener() {
            @Override
            public void handshakeSucceeded(Event event) {
                handshaken.complete(event.getSSLEngine());
            }
        });
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
