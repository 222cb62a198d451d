package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OkHttp 5 with our SSLSocketFactory and the trust manager, against the JDK's own HTTPS server on loopback. */
@Tag("slow")
@Timeout(60)
class OkHttpInteropTest {
    private final JssePki pki = new JssePki(CertificateKeyType.EC_P256);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void postsOverOurSocketsAndReadsTheAnswer(String protocol) throws Exception {
        SSLContext ours = pki.ours(protocol);
        RecordingFactory sockets = new RecordingFactory(ours.getSocketFactory());
        try (JdkHttpsServer server = new JdkHttpsServer(pki.jdk("TLS"))) {
            OkHttpClient client = new OkHttpClient.Builder().sslSocketFactory(sockets, pki.trustManager())
                    .protocols(List.of(Protocol.HTTP_1_1)).callTimeout(20, TimeUnit.SECONDS).build();
            String body = "z".repeat(40_000);
            Request request = new Request.Builder().url("https://localhost:" + server.port() + "/okhttp")
                    .post(RequestBody.create(body, MediaType.get("text/plain"))).build();

            try (Response response = client.newCall(request).execute()) {
                assertThat(response.code()).isEqualTo(200);
                assertThat(response.body().string()).isEqualTo("echo " + body);
                assertThat(response.handshake().tlsVersion().javaName()).isEqualTo(protocol);
                // OkHttp's chain cleaner ends the chain at the trusted root; it starts with the server's leaf.
                assertThat(response.handshake().peerCertificates().get(0))
                        .isEqualTo(server.lastSession.get().getLocalCertificates()[0]);
            }
            assertThat(sockets.created).isNotEmpty().allSatisfy(socket -> assertThat(socket).isInstanceOf(TlsMachineSocket.class));
            client.connectionPool().evictAll();
            client.dispatcher().executorService().shutdown();
        }
    }

    /** Hands out our factory's sockets and keeps each. */
    private static final class RecordingFactory extends SSLSocketFactory {
        final List<Socket> created = new CopyOnWriteArrayList<>();
        private final SSLSocketFactory factory;

        RecordingFactory(SSLSocketFactory factory) {
            this.factory = factory;
        }

        private Socket kept(Socket socket) {
            created.add(socket);
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return factory.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return factory.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return kept(factory.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket() throws IOException {
            return kept(factory.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return kept(factory.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return kept(factory.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return kept(factory.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return kept(factory.createSocket(address, port, localAddress, localPort));
        }
    }
}
