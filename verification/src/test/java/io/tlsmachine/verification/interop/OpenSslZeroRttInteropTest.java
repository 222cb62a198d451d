package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.EarlyDataStatus;
import io.tlsmachine.TlsClient;
import io.tlsmachine.TlsConnection;
import io.tlsmachine.TlsServer;
import io.tlsmachine.model.ProtocolVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS 1.3 0-RTT with OpenSSL 3 on 127.0.0.1 (RFC 8446 §2.3, §4.2.10): our client sends early data on a ticket of
 * {@code s_server -early_data}, which prints it; {@code s_client -sess_in -early_data FILE} sends early data on a
 * ticket of our server, which delivers it apart from 1-RTT data.
 */
@Tag("slow")
class OpenSslZeroRttInteropTest {

    private static final Duration TIMEOUT = OpenSsl.TIMEOUT;
    private static final String EARLY = "early data from tlsmachine";

    @TempDir
    Path dir;

    @BeforeEach
    void requireOpenssl() {
        Peers.requireOpenssl();
    }

    @Test
    void opensslServerAcceptsAndPrintsOurClientsEarlyData() throws Exception {
        InteropPki.PemFiles pem = InteropPki.EC.writePem(dir);
        TlsConfig client = InteropPki.EC.ourClient().versions(ProtocolVersion.TLS13).ticketStore(new TicketStore()).build();
        List<String> command = OpenSsl.sServer(pem, ProtocolVersion.TLS13, List.of("-early_data", "-max_early_data",
                "16384", "-naccept", "2"));
        try (PeerProcess server = PeerProcess.start(command)) {
            InetSocketAddress address = OpenSsl.awaitAccepting(server);
            try (TlsConnection first = TlsClient.connect(address, client, t -> { }, TIMEOUT)) {
                first.write("first connection\n".getBytes(StandardCharsets.US_ASCII));
                server.awaitOutput(out -> out.contains("first connection"), TIMEOUT);
                // s_server sends its stdin; reading it processes the NewSessionTicket sent before it.
                server.send("ticket please\n");
                assertThat(new String(first.read(), StandardCharsets.US_ASCII)).contains("ticket please");
                assertThat(first.engine().earlyDataStatus()).isEqualTo(EarlyDataStatus.NOT_OFFERED);
            }
            try (TlsConnection second = TlsClient.connect(address, client, t -> { }, TIMEOUT,
                    (EARLY + "\n").getBytes(StandardCharsets.US_ASCII))) {
                assertThat(second.engine().negotiated().orElseThrow().resumed()).isTrue();
                assertThat(second.engine().earlyDataStatus()).isEqualTo(EarlyDataStatus.ACCEPTED);
                second.write("after the handshake\n".getBytes(StandardCharsets.US_ASCII));
                server.awaitOutput(out -> out.contains("after the handshake"), TIMEOUT);
            }
            String output = server.output();
            assertThat(output).contains("Early data received:", EARLY, "End of early data");
            assertThat(output.indexOf(EARLY)).isLessThan(output.indexOf("after the handshake"));
        }
    }

    @Test
    void opensslClientsEarlyDataReachesOurServer() throws Exception {
        InteropPki.PemFiles pem = InteropPki.EC.writePem(dir);
        TlsConfig config = InteropPki.EC.ourServer().versions(ProtocolVersion.TLS13).ticketsEnabled(true)
                .maxEarlyDataSize(16384).build();
        Path session = dir.resolve("session.pem");
        Path earlyFile = Files.writeString(dir.resolve("early.txt"), EARLY + "\n");
        BlockingQueue<String[]> served = new ArrayBlockingQueue<>(4);
        TlsServer.Handler handler = connection -> {
            String early = new String(connection.engine().readEarlyData(), StandardCharsets.ISO_8859_1);
            String late = new String(connection.read(), StandardCharsets.ISO_8859_1);
            connection.write(("echo: " + late).getBytes(StandardCharsets.ISO_8859_1));
            served.add(new String[] {early, late});
            connection.close();
        };
        try (TlsServer server = TlsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), config, handler,
                new TlsServer.Observer() { }, new TlsServer.Limits(2, 4, TIMEOUT, TIMEOUT))) {
            String first = runClient(server.port(), pem, List.of("-sess_out", session.toString()), "first\n");
            assertThat(first).contains("echo: first");
            assertThat(served.poll(15, TimeUnit.SECONDS)).containsExactly("", "first\n");
            String second = runClient(server.port(), pem, List.of("-sess_in", session.toString(), "-early_data",
                    earlyFile.toString()), "second\n");
            assertThat(second).contains("Reused, TLSv1.3", "Early data was accepted", "echo: second");
            assertThat(served.poll(15, TimeUnit.SECONDS)).containsExactly(EARLY + "\n", "second\n");
        }
    }

    /** Runs s_client with one line on stdin until it exits after our close_notify; returns what it printed. */
    private static String runClient(int port, InteropPki.PemFiles pem, List<String> arguments, String line) throws Exception {
        try (PeerProcess client = PeerProcess.start(OpenSsl.sClient(port, pem, ProtocolVersion.TLS13, arguments))) {
            client.awaitOutput(out -> out.contains("Verification: OK") || out.contains("Verify return code: 0"), TIMEOUT);
            client.send(line);
            client.awaitOutput(out -> out.contains("echo: " + line.strip()), TIMEOUT);
            assertThat(client.awaitExit(TIMEOUT)).as("s_client exits after our close_notify").isTrue();
            return client.output();
        }
    }
}
