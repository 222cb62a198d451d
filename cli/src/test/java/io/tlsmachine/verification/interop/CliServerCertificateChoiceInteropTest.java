package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.cli.TlsMachineCli;
import io.tlsmachine.model.ProtocolVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tlsmachine server} started with an RSA and an ECDSA certificate (repeated {@code --cert/--key}) gives
 * {@code openssl s_client -sigalgs ECDSA+SHA256} the ECDSA chain and {@code -sigalgs RSA-PSS+SHA256} the RSA chain, in
 * TLS 1.3 and 1.2 (RFC 8446 §4.4.2.2; RFC 5246 §7.4.2, §7.4.1.4.1). Each s_client trusts only the root of the chain it
 * must get, with -verify_return_error, so a connection proves the choice.
 */
@Tag("slow")
class CliServerCertificateChoiceInteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void opensslClientsOfferingOneSchemeEachGetTheChainThatSignsIt() throws Exception {
        Peers.requireOpenssl();
        InteropPki.PemFiles rsa = InteropPki.RSA.writePem(dir);
        InteropPki.PemFiles ec = InteropPki.EC.writePem(dir);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        StringWriter output = new StringWriter();
        PrintWriter out = new PrintWriter(output, true);
        int finalPort = port;
        CompletableFuture<Integer> cli = CompletableFuture.supplyAsync(() -> TlsMachineCli.execute(out, out, "server",
                "--port", String.valueOf(finalPort), "--echo", "--exit-after", "4",
                "--cert", rsa.leafAndChain().toString(), "--key", rsa.key().toString(),
                "--cert", ec.leafAndChain().toString(), "--key", ec.key().toString()));
        awaitListening(output, cli);
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            assertThat(connect(port, ec, version, "ECDSA+SHA256")).contains("Peer signature type: ECDSA");
            assertThat(connect(port, rsa, version, "RSA-PSS+SHA256")).contains("Peer signature type: RSA-PSS");
        }
        assertThat(cli.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(output.toString()).isZero();
    }

    /** Runs s_client offering {@code sigalgs} only and trusting only {@code expected}'s root; returns its output. */
    private static String connect(int port, InteropPki.PemFiles expected, ProtocolVersion version, String sigalgs)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", InteropPki.HOST, "-verify_hostname", InteropPki.HOST, "-CAfile", expected.root().toString(),
                "-verify_return_error", version == ProtocolVersion.TLS13 ? "-tls1_3" : "-tls1_2", "-sigalgs", sigalgs));
        String line = "chosen for " + sigalgs;
        try (PeerProcess client = PeerProcess.start(command)) {
            client.send(line + "\n");
            client.awaitOutput(text -> text.contains(line) && text.contains("Verification: OK"), TIMEOUT);
            client.endInput();
            assertThat(client.awaitExit(TIMEOUT)).as("s_client exits at the end of its input").isTrue();
            return client.output();
        }
    }

    private static void awaitListening(StringWriter output, CompletableFuture<Integer> cli) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!output.toString().contains("listening on")) {
            if (cli.isDone() || System.nanoTime() > deadline) {
                throw new AssertionError("the CLI server did not start: " + output);
            }
            Thread.sleep(50);
        }
    }
}
