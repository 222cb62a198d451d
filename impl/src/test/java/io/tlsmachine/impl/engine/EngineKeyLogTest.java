package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.KeyLog;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.EnginePump;
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
        return handshakeAndReadLogs(version).client().stream().map(line -> line.split(" ")[0]).toList();
    }

    /** The key log lines of a client and a server that connect, each checked to carry the client random. */
    private record Logs(List<String> client, List<String> server) {
    }

    private Logs handshakeAndReadLogs(ProtocolVersion version) throws Exception {
        Path clientFile = dir.resolve(version + ".client.keys");
        Path serverFile = dir.resolve(version + ".server.keys");
        TlsEngine client = TlsEngine.client(EngineFixtures.client(EC).versions(version).keyLog(KeyLog.toFile(clientFile)).build());
        TlsEngine server = TlsEngine.server(EngineFixtures.server(EC).keyLog(KeyLog.toFile(serverFile)).build());
        client.beginHandshake();
        byte[] clientHello = client.drainOutbound();
        server.feed(clientHello);
        EnginePump.exchange(client, server);
        assertThat(client.isHandshakeComplete()).isTrue();
        assertThat(server.isHandshakeComplete()).isTrue();
        String random = HexFormat.of().formatHex(Arrays.copyOfRange(clientHello, 11, 43));
        Logs logs = new Logs(Files.readAllLines(clientFile), Files.readAllLines(serverFile));
        assertThat(logs.client()).allSatisfy(line -> assertThat(line.split(" ")[1]).isEqualToIgnoringCase(random));
        assertThat(logs.server()).allSatisfy(line -> assertThat(line.split(" ")[1]).isEqualToIgnoringCase(random));
        return logs;
    }

    @Test
    void tls13ClientLogsHandshakeTrafficAndExporterSecrets() throws Exception {
        assertThat(handshakeAndReadLog(ProtocolVersion.TLS13)).containsExactlyInAnyOrder("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET");
    }

    @Test
    void tls13ServerLogsTheSameSecretsAsTheClientIncludingTheExporterSecret() throws Exception {
        Logs logs = handshakeAndReadLogs(ProtocolVersion.TLS13);
        assertThat(logs.server()).containsExactlyInAnyOrderElementsOf(logs.client());
        assertThat(logs.server()).anySatisfy(line -> assertThat(line).startsWith("EXPORTER_SECRET "));
    }

    @Test
    void tls12ClientLogsTheMasterSecretByClientRandom() throws Exception {
        assertThat(handshakeAndReadLog(ProtocolVersion.TLS12)).containsExactly("CLIENT_RANDOM");
    }

    @Test
    void verifyingClientWithoutServerNameIsRefusedAtCreation() {
        TlsConfig noName = TlsConfig.builder().certificateVerifier(
                io.tlsmachine.CertificateVerifier.pkix(EC.anchors())).build();
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
