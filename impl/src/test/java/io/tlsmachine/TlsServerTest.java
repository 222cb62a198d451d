package io.tlsmachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TlsServerTest {
    private static final String HOST = "localhost";
    private static final TestPki.Hierarchy PKI = new TestPki(new SecureRandom()).hierarchy("Net test",
            CertificateKeyType.EC_P256, HOST, Instant.now());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<Exception> serverFailures = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private TlsServer server;

    @BeforeEach
    void startEchoServer() throws IOException {
        TlsConfig config = TlsConfig.builder().certifiedKey(PKI.certifiedLeaf()).build();
        server = TlsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), config,
                connection -> connection.write(connection.read()), new TlsServer.Observer() {
                    @Override
                    public void finished(TlsEngine engine, Exception failure) {
                        if (failure != null) {
                            serverFailures.add(failure);
                        }
                        finished.countDown();
                    }
                }, new TlsServer.Limits(2, 4, Duration.ofMillis(1500), TIMEOUT));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private TlsConfig client(ProtocolVersion... versions) {
        return TlsConfig.builder().versions(versions).serverName(HOST)
                .certificateVerifier(CertificateVerifier.pkix(PKI.anchors())).build();
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
    }

    private String echo(ProtocolVersion version, String text) throws IOException {
        List<TakenTransition> trace = new ArrayList<>();
        try (TlsConnection connection = TlsClient.connect(address(), client(version), trace::add, TIMEOUT)) {
            assertThat(connection.engine().negotiated()).hasValueSatisfying(p -> assertThat(p.version()).isEqualTo(version));
            connection.write(text.getBytes(StandardCharsets.UTF_8));
            String answer = new String(connection.read(), StandardCharsets.UTF_8);
            assertThat(trace).isNotEmpty();
            return answer;
        }
    }

    @Test
    void echoesOverTls13AndTls12() throws IOException {
        assertThat(echo(ProtocolVersion.TLS13, "hello 1.3")).isEqualTo("hello 1.3");
        assertThat(echo(ProtocolVersion.TLS12, "hello 1.2")).isEqualTo("hello 1.2");
    }

    @Test
    void keepsServingAfterAMalformedConnection() throws Exception {
        try (Socket garbage = new Socket()) {
            garbage.connect(address());
            OutputStream out = garbage.getOutputStream();
            out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The server answers with one alert and closes: reading ends.
            garbage.setSoTimeout((int) TIMEOUT.toMillis());
            byte[] answer = garbage.getInputStream().readAllBytes();
            assertThat(answer).hasSize(7);
            assertThat(answer[0]).isEqualTo((byte) 21);
        }
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(serverFailures).hasSize(1);
        assertThat(echo(ProtocolVersion.TLS13, "still here")).isEqualTo("still here");
    }

    @Test
    void dropsAnAbandonedHandshakeAfterItsTimeoutAndKeepsServing() throws Exception {
        try (Socket idle = new Socket()) {
            idle.connect(address());
            assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(serverFailures).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("did not complete"));
        assertThat(echo(ProtocolVersion.TLS12, "after timeout")).isEqualTo("after timeout");
    }

    @Test
    void reportsAnUntrustedServerAsAFailedHandshake() {
        TestPki.Hierarchy other = new TestPki(new SecureRandom()).hierarchy("Other", CertificateKeyType.EC_P256, HOST,
                Instant.now());
        TlsConfig untrusting = TlsConfig.builder().serverName(HOST)
                .certificateVerifier(CertificateVerifier.pkix(other.anchors())).build();
        assertThatThrownBy(() -> TlsClient.connect(address(), untrusting, t -> { }, TIMEOUT))
                .isInstanceOf(TlsConnectionException.class)
                .satisfies(e -> assertThat(((TlsConnectionException) e).failure())
                        .hasValueSatisfying(f -> assertThat(f.reason().name()).isEqualTo("UNKNOWN_CA")));
    }
}
