package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JDK's java.net.http.HttpClient over our SSLContext, against the JDK's own HTTPS server on loopback running the
 * JDK's provider or ours (OpenSSL's server: {@link OpenSslInteropTest}).
 */
@Tag("slow")
@Timeout(60)
class HttpClientInteropTest {
    private final JssePki pki = new JssePki(CertificateKeyType.EC_P256);

    @ParameterizedTest(name = "{0}, {1} server")
    @CsvSource({"TLSv1.3, JDK", "TLSv1.2, JDK", "TLSv1.3, our", "TLSv1.2, our"})
    void postsOverOurContextAndReadsTheAnswer(String protocol, String serverSide) throws Exception {
        SSLContext ours = pki.ours(protocol);
        try (JdkHttpsServer server = new JdkHttpsServer(serverSide.equals("our") ? pki.ours("TLS") : pki.jdk("TLS"))) {
            HttpClient client = HttpClient.newBuilder().sslContext(ours).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String body = "x".repeat(50_000);

            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                    + server.port() + "/echo")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("echo " + body);
            SSLSession seen = response.sslSession().orElseThrow();
            assertThat(seen.getProtocol()).isEqualTo(protocol);
            // HttpClient shows a copy of the session; the original is in our provider's client context.
            assertThat(ours.getClientSessionContext().getSession(seen.getId())).isInstanceOf(TlsMachineSession.class);
            assertThat(server.lastSession.get().getCipherSuite()).isEqualTo(seen.getCipherSuite());
        }
    }

    @ParameterizedTest(name = "{0} server")
    @ValueSource(strings = {"JDK", "our"})
    void aHostNameTheCertificateDoesNotNameFailsWithSslHandshakeException(String serverSide) throws Exception {
        try (JdkHttpsServer server = new JdkHttpsServer(serverSide.equals("our") ? pki.ours("TLS") : pki.jdk("TLS"))) {
            HttpClient client = HttpClient.newBuilder().sslContext(pki.ours("TLS")).version(HttpClient.Version.HTTP_1_1)
                    .build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/")).build();

            assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
        }
    }
}
