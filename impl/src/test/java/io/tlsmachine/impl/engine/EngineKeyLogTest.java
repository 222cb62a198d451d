package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.keylog.KeyLog;
import io.tlsmachine.impl.config.TlsConfig;
import io.tlsmachine.model.ProtocolVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the NSS key log lines a client writes, and the in-memory pump and client checks the demo relies on. */
class EngineKeyLogTest {

    @TempDir
    Path dir;

    private List<String> handshakeAndReadLog(ProtocolVersion version) throws Exception {
        Path file = dir.resolve(version + ".keys");
        TlsEngine client = TlsEngine.client(EngineFixtures.client(EC).versions(version).keyLog(KeyLog.toFile(file)).build());
        TlsEngine server = TlsEngine.server(EngineFixtures.server(EC).build());
        client.beginHandshake();
        byte[] clientHello = client.drainOutbound();
        server.feed(clientHello);
        EnginePump.exchange(client, server);
        assertThat(client.isHandshakeComplete()).isTrue();
        String random = HexFormat.of().formatHex(Arrays.copyOfRange(clientHello, 11, 43));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).allSatisfy(line -> assertThat(line.split(" ")[1]).isEqualToIgnoringCase(random));
        return lines.stream().map(line -> line.split(" ")[0]).toList();
    }

    @Test
    void tls13ClientLogsHandshakeAndTrafficSecrets() throws Exception {
        assertThat(handshakeAndReadLog(ProtocolVersion.TLS13)).containsExactlyInAnyOrder("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0");
    }

    @Test
    void tls12ClientLogsTheMasterSecretByClientRandom() throws Exception {
        assertThat(handshakeAndReadLog(ProtocolVersion.TLS12)).containsExactly("CLIENT_RANDOM");
    }

    @Test
    void verifyingClientWithoutServerNameIsRefusedAtCreation() {
        TlsConfig noName = TlsConfig.builder().certificateVerifier(
                io.tlsmachine.impl.certificate.CertificateVerifier.pkix(EC.anchors())).build();
        assertThatThrownBy(() -> TlsEngine.client(noName)).isInstanceOf(IllegalArgumentException.class);
        TlsEngine insecure = TlsEngine.client(TlsConfig.builder().insecureAcceptAnyCertificate().build());
        TlsEngine server = TlsEngine.server(EngineFixtures.server(EC).build());
        insecure.beginHandshake();
        EnginePump.exchange(insecure, server);
        assertThat(insecure.isHandshakeComplete()).isTrue();
    }

    @Test
    void writingBeforeTheHandshakeIsARefusedCallNotAConnectionFailure() {
        TlsEngine client = TlsEngine.client(EngineFixtures.client(EC).build());
        client.beginHandshake();
        assertThatThrownBy(() -> client.writeApplicationData(new byte[] {1})).isInstanceOf(IllegalStateException.class);
        assertThat(client.isFailed()).isFalse();
    }
}
