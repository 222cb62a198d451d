package io.tlsmachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.certificate.issuing.SelfSignedCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client a new user writes from the README in three API calls: a configuration trusting a PEM file,
 * {@code TlsClient.connect(host, port, config)}, and the connection's stream views, against a loopback server whose
 * self-signed certificate is that PEM file.
 */
class ThreeLineClientTest {

    @Test
    void connectsByHostAndPortTrustingAPemFileAndTalksThroughStreams(@TempDir Path folder) throws IOException {
        CertifiedKey serverKey = SelfSignedCertificates.localhost(Duration.ofDays(2), Clock.systemUTC(),
                new SecureRandom());
        Path certificate = folder.resolve("server.pem");
        SelfSignedCertificates.writePem(serverKey, certificate, folder.resolve("server.key"));
        TlsConfig serverConfig = TlsConfig.builder().certifiedKey(serverKey).build();
        try (TlsServer server = TlsServer.start(new InetSocketAddress("127.0.0.1", 0), serverConfig,
                connection -> connection.write(connection.read()))) {

            TlsConfig config = TlsConfig.builder().trust(certificate).build();
            try (TlsConnection connection = TlsClient.connect("localhost", server.port(), config)) {
                OutputStream out = connection.outputStream();
                out.write("hello, stream".getBytes(StandardCharsets.UTF_8), 0, 13);
                InputStream in = connection.inputStream();
                byte[] echoed = in.readNBytes(13);

                assertThat(new String(echoed, StandardCharsets.UTF_8)).isEqualTo("hello, stream");
                assertThat(in.read()).as("end of stream after the server's close_notify").isEqualTo(-1);
                assertThat(connection.engine().negotiated().orElseThrow().toString())
                        .matches("TLS1[23], TLS_\\w+, \\w+, \\w+, full handshake");
            }
        }
    }

    @Test
    void aPemTrustFileWithoutTheServersCertificateRefusesItWithUnknownCa(@TempDir Path folder) throws IOException {
        CertifiedKey serverKey = SelfSignedCertificates.localhost(Duration.ofDays(2), Clock.systemUTC(),
                new SecureRandom());
        CertifiedKey other = SelfSignedCertificates.localhost(Duration.ofDays(2), Clock.systemUTC(), new SecureRandom());
        Path otherPem = folder.resolve("other.pem");
        SelfSignedCertificates.writePem(other, otherPem, folder.resolve("other.key"));
        try (TlsServer server = TlsServer.start(new InetSocketAddress("127.0.0.1", 0),
                TlsConfig.builder().certifiedKey(serverKey).build(), connection -> connection.write(connection.read()))) {

            TlsConfig config = TlsConfig.builder().trust(otherPem).build();
            assertThatThrownBy(() -> TlsClient.connect("localhost", server.port(), config))
                    .isInstanceOf(TlsConnectionException.class).hasMessageContaining("UNKNOWN_CA");
        }
    }

    @Test
    void aTrustFileWithoutCertificatesIsRefusedWhenTheConfigurationIsBuilt(@TempDir Path folder) throws IOException {
        Path empty = Files.writeString(folder.resolve("empty.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(new byte[16]) + "\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> TlsConfig.builder().trust(empty)).isInstanceOf(IllegalArgumentException.class);
    }
}
