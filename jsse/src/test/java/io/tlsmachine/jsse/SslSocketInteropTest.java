package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our SSLSocket and SSLServerSocket against the JDK's own on loopback: both directions, both TLS versions. */
@Timeout(60)
class SslSocketInteropTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final ExecutorService peer = Executors.newCachedThreadPool();
    private final JssePki pki = new JssePki(CertificateKeyType.EC_P256);

    @AfterEach
    void stopPeer() throws InterruptedException {
        peer.shutdownNow();
        assertThat(peer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void ourClientSocketTalksToTheJdkServerSocket(String protocol) throws Exception {
        try (SSLServerSocket server = serverSocket(pki.jdk(protocol))) {
            Future<byte[]> served = peer.submit(() -> echoOnce(server));
            AtomicReference<HandshakeCompletedEvent> completed = new AtomicReference<>();
            byte[] request = randomBytes(70_000);
            try (SSLSocket client = (SSLSocket) pki.ours(protocol).getSocketFactory().createSocket(JssePki.HOST,
                    server.getLocalPort())) {
                client.addHandshakeCompletedListener(completed::set);
                client.startHandshake();

                assertThat(client.getClass().getName()).startsWith("io.tlsmachine.jsse.");
                assertThat(client.getSession().getProtocol()).isEqualTo(protocol);
                assertThat(completed.get().getSession()).isSameAs(client.getSession());
                assertThat(completed.get().getSocket()).isSameAs(client);
                assertThat(client.getSession().getPeerPort()).isEqualTo(server.getLocalPort());
                assertThat(echo(client, request)).isEqualTo(request);
            }
            assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo(request);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void theJdkClientSocketTalksToOurServerSocket(String protocol) throws Exception {
        try (SSLServerSocket server = serverSocket(pki.ours(protocol))) {
            assertThat(server.getClass().getName()).startsWith("io.tlsmachine.jsse.");
            server.setNeedClientAuth(true);
            AtomicReference<SSLSession> serverSession = new AtomicReference<>();
            Future<byte[]> served = peer.submit(() -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                    assertThat(accepted.getUseClientMode()).isFalse();
                    serverSession.set(accepted.getSession());
                    return echoAll(accepted);
                }
            });
            byte[] request = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            try (SSLSocket client = (SSLSocket) pki.jdk(protocol).getSocketFactory().createSocket(JssePki.HOST,
                    server.getLocalPort())) {
                assertThat(echo(client, request)).isEqualTo(request);
                assertThat(client.getSession().getProtocol()).isEqualTo(protocol);
            }
            assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo(request);
            assertThat(serverSession.get().getProtocol()).isEqualTo(protocol);
            assertThat(serverSession.get().getPeerCertificates()).hasSize(2);
        }
    }

    @Test
    void ourServerSocketsAlpnSelectorAndSniMatcherJudgeTheJdkClientsHello() throws Exception {
        try (SSLServerSocket server = serverSocket(pki.ours("TLS"))) {
            javax.net.ssl.SSLParameters parameters = server.getSSLParameters();
            parameters.setSNIMatchers(List.of(SNIHostName.createSNIMatcher("local.*")));
            server.setSSLParameters(parameters);
            AtomicReference<List<String>> offered = new AtomicReference<>();
            Future<String> chosen = peer.submit(() -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                    accepted.setHandshakeApplicationProtocolSelector((socket, protocols) -> {
                        assertThat(socket).isSameAs(accepted);
                        offered.set(protocols);
                        return "http/1.1";
                    });
                    accepted.startHandshake();
                    accepted.getInputStream().read();
                    return accepted.getApplicationProtocol();
                }
            });
            try (SSLSocket client = (SSLSocket) pki.jdk("TLS").getSocketFactory().createSocket(JssePki.HOST,
                    server.getLocalPort())) {
                javax.net.ssl.SSLParameters clientParameters = client.getSSLParameters();
                clientParameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
                clientParameters.setServerNames(List.of(new SNIHostName(JssePki.HOST)));
                client.setSSLParameters(clientParameters);
                client.startHandshake();
                assertThat(client.getApplicationProtocol()).isEqualTo("http/1.1");
            }
            assertThat(chosen.get(10, TimeUnit.SECONDS)).isEqualTo("http/1.1");
            assertThat(offered.get()).containsExactly("h2", "http/1.1");
        }
    }

    @Test
    void ourClientLayersOverAConnectedSocketAndAnUnconnectedOneConnectsLater() throws Exception {
        try (SSLServerSocket server = serverSocket(pki.jdk("TLS"))) {
            Future<byte[]> first = peer.submit(() -> echoOnce(server));
            byte[] request = "layered".getBytes(StandardCharsets.US_ASCII);
            Socket plain = new Socket(LOOPBACK, server.getLocalPort());
            try (SSLSocket layered = (SSLSocket) pki.ours("TLS").getSocketFactory().createSocket(plain, JssePki.HOST,
                    server.getLocalPort(), true)) {
                assertThat(echo(layered, request)).isEqualTo(request);
            }
            assertThat(plain.isClosed()).as("autoClose closes the layered-over socket").isTrue();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(request);

            Future<byte[]> second = peer.submit(() -> echoOnce(server));
            try (SSLSocket later = (SSLSocket) pki.ours("TLS").getSocketFactory().createSocket()) {
                later.setEnabledProtocols(new String[] {"TLSv1.2"});
                later.connect(new InetSocketAddress(JssePki.HOST, server.getLocalPort()), 5_000);
                assertThat(echo(later, request)).isEqualTo(request);
                assertThat(later.getSession().getProtocol()).isEqualTo("TLSv1.2");
            }
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(request);
        }
    }

    @Test
    void theSocketTimeoutBoundsAHandshakeWithASilentPeer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, LOOPBACK)) {
            CompletableFuture<Socket> acceptedByPeer = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, peer);
            try (SSLSocket client = (SSLSocket) pki.ours("TLS").getSocketFactory().createSocket(JssePki.HOST,
                    silent.getLocalPort())) {
                client.setSoTimeout(300);
                long start = System.nanoTime();
                assertThatThrownBy(client::startHandshake).isInstanceOf(SocketTimeoutException.class);
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 5_000L);
            } finally {
                acceptedByPeer.get(5, TimeUnit.SECONDS).close();
            }
        }
    }

    @Test
    void aReadThatTimedOutCanBeRetriedAndGetsTheDataThatCameLater() throws Exception {
        java.util.concurrent.CountDownLatch timedOut = new java.util.concurrent.CountDownLatch(1);
        try (SSLServerSocket server = serverSocket(pki.jdk("TLS"))) {
            Future<?> served = peer.submit(() -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                    accepted.startHandshake();
                    assertThat(timedOut.await(10, TimeUnit.SECONDS)).isTrue();
                    accepted.getOutputStream().write("late".getBytes(StandardCharsets.US_ASCII));
                    return accepted.getInputStream().read();
                }
            });
            try (SSLSocket client = (SSLSocket) pki.ours("TLS").getSocketFactory().createSocket(JssePki.HOST,
                    server.getLocalPort())) {
                client.setSoTimeout(200);
                client.startHandshake();
                assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
                timedOut.countDown();
                client.setSoTimeout(10_000);
                byte[] late = new byte[4];
                int read = 0;
                while (read < late.length) {
                    read += client.getInputStream().read(late, read, late.length - read);
                }
                assertThat(new String(late, StandardCharsets.US_ASCII)).isEqualTo("late");
            }
            served.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void closingSendsCloseNotifySoThePeerSeesTheEndAndOurReadSeesThePeersEnd() throws Exception {
        try (SSLServerSocket server = serverSocket(pki.ours("TLS"))) {
            Future<Integer> peerRead = peer.submit(() -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                    accepted.getOutputStream().write('x');
                    return accepted.getInputStream().read();
                }
            });
            try (SSLSocket client = (SSLSocket) pki.jdk("TLS").getSocketFactory().createSocket(JssePki.HOST,
                    server.getLocalPort())) {
                assertThat(client.getInputStream().read()).isEqualTo('x');
                client.close();
            }
            assertThat(peerRead.get(10, TimeUnit.SECONDS)).as("our server reads the JDK client's close_notify").isEqualTo(-1);
        }
        try (SSLServerSocket server = serverSocket(pki.jdk("TLS"))) {
            Future<Integer> peerRead = peer.submit(() -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                    return accepted.getInputStream().read();
                }
            });
            try (SSLSocket client = (SSLSocket) pki.ours("TLS").getSocketFactory().createSocket(JssePki.HOST,
                    server.getLocalPort())) {
                client.startHandshake();
                client.close();
                assertThat(client.isClosed()).isTrue();
                assertThatThrownBy(client::getInputStream).isInstanceOf(java.net.SocketException.class);
            }
            assertThat(peerRead.get(10, TimeUnit.SECONDS)).as("the JDK server reads our close_notify").isEqualTo(-1);
        }
    }

    @Test
    void anUntrustedServerFailsOurSocketsHandshakeAndGetSessionReturnsTheNullSession() throws Exception {
        SSLContext stranger = new JssePki(CertificateKeyType.EC_P256).jdk("TLS");
        try (SSLServerSocket server = serverSocket(stranger)) {
            peer.submit(() -> echoOnce(server));
            try (SSLSocket client = (SSLSocket) pki.ours("TLS").getSocketFactory().createSocket(JssePki.HOST,
                    server.getLocalPort())) {
                assertThat(client.getSession().getCipherSuite()).isEqualTo("SSL_NULL_WITH_NULL_NULL");
            }
        }
    }

    static SSLServerSocket serverSocket(SSLContext context) throws IOException {
        return (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 8, LOOPBACK);
    }

    /** Accepts one connection and echoes all it reads until the peer's end; returns what it read. */
    static byte[] echoOnce(ServerSocket server) throws IOException {
        try (Socket accepted = server.accept()) {
            return echoAll(accepted);
        }
    }

    private static byte[] echoAll(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            got.write(buffer, 0, n);
            out.write(buffer, 0, n);
            out.flush();
        }
        return got.toByteArray();
    }

    /** Writes {@code data}, half-closes nothing, and reads back as many bytes. */
    static byte[] echo(Socket socket, byte[] data) throws IOException {
        socket.getOutputStream().write(data);
        socket.getOutputStream().flush();
        byte[] back = new byte[data.length];
        int read = 0;
        while (read < back.length) {
            int n = socket.getInputStream().read(back, read, back.length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return java.util.Arrays.copyOf(back, read);
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
