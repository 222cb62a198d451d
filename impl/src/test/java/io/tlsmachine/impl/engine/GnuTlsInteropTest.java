package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.impl.certificate.PemWriter;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gnutls-cli against our server on 127.0.0.1, both versions and key types (skipped without gnutls-cli). Our client
 * against gnutls-serv needs a private network namespace (gnutls-serv binds every address) and is left to the
 * verification module.
 */
@Tag("slow")
class GnuTlsInteropTest {

    @TempDir
    Path dir;

    private static boolean gnutlsAvailable() {
        try {
            Process p = new ProcessBuilder("gnutls-cli", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void gnutlsClientTalksToOurServerWithBothVersions() throws Exception {
        assumeTrue(gnutlsAvailable(), "gnutls-cli is not installed locally (CI installs gnutls-bin)");
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            for (TestPki.Hierarchy pki : List.of(EC, RSA)) {
                assertThat(echo(pki, version)).as("%s %s", version, pki.leaf().keyType()).contains("echo: hello from gnutls");
            }
        }
    }

    private String echo(TestPki.Hierarchy pki, ProtocolVersion version) throws Exception {
        Path anchor = dir.resolve("root.pem");
        PemWriter.write(CertificateChain.of(pki.root().certificate()), anchor);
        String priority = "NORMAL:-VERS-ALL:+" + (version == ProtocolVersion.TLS13 ? "VERS-TLS1.3" : "VERS-TLS1.2");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(10_000);
            Process client = new ProcessBuilder("gnutls-cli", "-p", String.valueOf(listener.getLocalPort()), "--sni-hostname",
                    EngineFixtures.HOST, "--verify-hostname", EngineFixtures.HOST, "--x509cafile", anchor.toString(),
                    "--priority", priority, "127.0.0.1").redirectErrorStream(true).start();
            try (Socket socket = listener.accept()) {
                TlsEngine engine = TlsEngine.server(EngineFixtures.server(pki).build());
                SocketDriver driver = new SocketDriver(engine, socket);
                driver.handshake();
                assertThat(engine.negotiated().orElseThrow().version()).isEqualTo(version);
                client.getOutputStream().write("hello from gnutls\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                String received = new String(driver.readUntil(text -> text.contains("\n")), StandardCharsets.US_ASCII);
                driver.write(("echo: " + received).getBytes(StandardCharsets.US_ASCII));
                driver.close();
            }
            client.getOutputStream().close();
            boolean exited = client.waitFor(10, TimeUnit.SECONDS);
            if (!exited) {
                client.destroyForcibly();
            }
            return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
