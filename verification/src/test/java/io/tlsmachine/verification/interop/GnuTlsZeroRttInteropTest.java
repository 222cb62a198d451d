package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.EarlyDataStatus;
import io.tlsmachine.TlsClient;
import io.tlsmachine.TlsConnection;
import io.tlsmachine.TlsServer;
import io.tlsmachine.model.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS 1.3 0-RTT with GnuTLS (RFC 8446 §2.3, §4.2.10): {@code gnutls-cli --resume --earlydata FILE} against our
 * server, and our client against {@code gnutls-serv --earlydata} (in its private loopback-only namespace).
 */
@Tag("slow")
class GnuTlsZeroRttInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String PRIORITY = "NORMAL:-VERS-ALL:+VERS-TLS1.3";
    private static final String EARLY = "early data from gnutls";

    @TempDir
    Path dir;

    @Test
    void gnutlsClientsEarlyDataReachesOurServer() throws Exception {
        Peers.requireGnutls();
        InteropPki.PemFiles pem = InteropPki.EC.writePem(dir);
        Path earlyFile = Files.writeString(dir.resolve("early.txt"), EARLY + "\n");
        TlsConfig config = InteropPki.EC.ourServer().versions(ProtocolVersion.TLS13).ticketsEnabled(true)
                .maxEarlyDataSize(16384).build();
        BlockingQueue<String> early = new ArrayBlockingQueue<>(4);
        TlsServer.Handler handler = connection -> {
            early.add(new String(connection.engine().readEarlyData(), StandardCharsets.ISO_8859_1));
            byte[] line = connection.read();
            if (line.length > 0) {
                connection.write(("echo: " + new String(line, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
            }
            connection.close();
        };
        List<String> command = new ArrayList<>(List.of("gnutls-cli", "-p", "0", "--sni-hostname", InteropPki.HOST,
                "--verify-hostname", InteropPki.HOST, "--x509cafile", pem.root().toString(), "--priority", PRIORITY,
                "--resume", "--earlydata=" + earlyFile, "127.0.0.1"));
        try (TlsServer server = TlsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), config, handler,
                new TlsServer.Observer() { }, new TlsServer.Limits(2, 4, TIMEOUT, TIMEOUT))) {
            command.set(2, String.valueOf(server.port()));
            try (PeerProcess client = PeerProcess.start(command)) {
                client.awaitOutput(out -> out.contains("This is a resumed session"), TIMEOUT);
                client.send("late\n");
                client.awaitOutput(out -> out.contains("echo: late"), TIMEOUT);
                assertThat(client.awaitExit(TIMEOUT)).as("gnutls-cli exits after our close_notify").isTrue();
            }
            assertThat(early.poll(15, TimeUnit.SECONDS)).as("the first connection sent no early data").isEmpty();
            assertThat(early.poll(15, TimeUnit.SECONDS)).isEqualTo(EARLY + "\n");
        }
    }

    @Test
    void gnutlsServerAcceptsOurClientsEarlyData() throws Exception {
        Peers.requireGnutls();
        Peers.requirePrivateNetworkNamespace();
        InteropPki.PemFiles pem = InteropPki.EC.writePem(dir);
        List<String> arguments = List.of("--echo", "--x509certfile", pem.leafAndChain().toString(), "--x509keyfile",
                InteropPki.EC.writeGnutlsKey(dir).toString(), "--priority", PRIORITY, "--earlydata", "--maxearlydata",
                "16384");
        TlsConfig client = InteropPki.EC.ourClient().versions(ProtocolVersion.TLS13).ticketStore(new TicketStore()).build();
        try (GnutlsServer server = new GnutlsServer(dir, arguments)) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
            assertThat(echo(address, client, null, "first")).isEqualTo(EarlyDataStatus.NOT_OFFERED);
            assertThat(echo(address, client, (EARLY + "\n").getBytes(StandardCharsets.US_ASCII), "second"))
                    .as(server.output()).isEqualTo(EarlyDataStatus.ACCEPTED);
        }
    }

    /** Connects (with early data unless null), has {@code line} echoed, and returns what became of the early data. */
    private static EarlyDataStatus echo(InetSocketAddress address, TlsConfig config, byte[] earlyData, String line)
            throws Exception {
        try (TlsConnection connection = TlsClient.connect(address, config, t -> { }, TIMEOUT, earlyData)) {
            connection.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            while (!received.toString(StandardCharsets.US_ASCII).contains(line + "\n")) {
                byte[] data = connection.read();
                if (data.length == 0) {
                    throw new AssertionError("gnutls-serv closed before echoing " + line + "; got " + received);
                }
                received.writeBytes(data);
            }
            return connection.engine().earlyDataStatus();
        }
    }
}
