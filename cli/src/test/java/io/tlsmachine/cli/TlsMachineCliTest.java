package io.tlsmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TlsMachineCliTest {

    /** Runs the command line and returns {exit status, standard output}. */
    private static Object[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = TlsMachineCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Object[] {status, out + err.toString()};
    }

    @Test
    void clientTls13DiagramHasTheAppendixAStates() {
        Object[] result = run("diagram", "--machine", "client", "--tls", "1.3", "--format", "dot");
        assertThat(result[0]).isEqualTo(0);
        assertThat((String) result[1]).startsWith("digraph").contains("START", "WAIT_SH", "WAIT_EE", "WAIT_CERT_CR",
                "WAIT_CERT", "WAIT_CV", "WAIT_FINISHED", "CONNECTED").doesNotContain("TLS12_");
    }

    @Test
    void serverMermaidDiagramHasTheServerStates() {
        Object[] result = run("diagram", "--machine", "server", "--tls", "1.3", "--format", "mermaid");
        assertThat(result[0]).isEqualTo(0);
        assertThat((String) result[1]).contains("stateDiagram-v2", "RECVD_CH", "NEGOTIATED", "WAIT_EOED", "WAIT_FLIGHT2");
    }

    @Test
    void teachingViewHasShortGuardsAndNoTerminalStates() {
        Object[] result = run("diagram", "--machine", "client", "--tls", "1.3", "--view", "teaching");
        assertThat(result[0]).isEqualTo(0);
        assertThat((String) result[1]).startsWith("digraph teaching").contains("EncryptedExtensions [PSK]")
                .doesNotContain("-> FAILED [", "-> CLOSED [");
        Object[] plantUml = run("diagram", "--machine", "server", "--tls", "1.2", "--view", "teaching", "--format",
                "plantuml");
        assertThat((String) plantUml[1]).startsWith("@startuml").contains("teaching view", "legend right");
    }

    @Test
    void sequenceViewPrintsTheRfcFiguresAndEveryHandshakeType() {
        Object[] result = run("diagram", "--view", "sequence", "--tls", "1.3");
        assertThat(result[0]).isEqualTo(0);
        assertThat((String) result[1]).contains("RFC 8446 §2 Figure 1", "{EncryptedExtensions}", "-------->")
                .doesNotContain("RFC 5246");
    }

    @Test
    void teachingViewHasNoScxml() {
        Object[] result = run("diagram", "--view", "teaching", "--format", "scxml");
        assertThat(result[0]).isEqualTo(2);
        assertThat((String) result[1]).contains("the teaching view has no scxml format");
        assertThat(run("diagram", "--view", "sequence", "--format", "dot")[0]).isEqualTo(2);
    }

    @Test
    void rejectsAnUnknownVersion() {
        Object[] result = run("diagram", "--tls", "1.1");
        assertThat(result[0]).isNotEqualTo(0);
    }

    @Test
    void clientAndServerCommandsTalkOverLoopback() throws Exception {
        int port = Loopback.freePort();
        // Two connections: the readiness probe (closed at once, a failed handshake) and the client.
        CompletableFuture<Object[]> server = CompletableFuture.supplyAsync(() -> run("server", "--port",
                String.valueOf(port), "--echo", "--exit-after", "2"));
        Loopback.waitUntilListening(port, Duration.ofSeconds(20));
        Object[] client = run("client", "127.0.0.1:" + port, "--insecure", "--versions", "1.3", "--send",
                "ping\\r\\n");
        assertThat(client[0]).isEqualTo(0);
        assertThat((String) client[1]).contains("negotiated: TLS13", "model path: START -> WAIT_SH -> WAIT_EE",
                "received (6 bytes)", "ping");
        Object[] served = server.get(20, TimeUnit.SECONDS);
        assertThat(served[0]).isEqualTo(0);
        assertThat((String) served[1]).contains("generated a self-signed ECDSA P-256 certificate", "listening on");
    }

    @Test
    void clientResumesWithEarlyDataThatTheServerEchoesFirst() throws Exception {
        int port = Loopback.freePort();
        // Three connections: the readiness probe, the one that brings the ticket, the one with 0-RTT data.
        CompletableFuture<Object[]> server = CompletableFuture.supplyAsync(() -> run("server", "--port",
                String.valueOf(port), "--echo", "--max-early-data", "1024", "--exit-after", "3"));
        Loopback.waitUntilListening(port, Duration.ofSeconds(20));
        Object[] client = run("client", "127.0.0.1:" + port, "--insecure", "--versions", "1.3", "--timeout", "2",
                "--send", "ping\\n", "--early-data", "zero-rtt\\n");
        assertThat(client[0]).isEqualTo(0);
        assertThat((String) client[1]).contains("resuming with 0-RTT early data", "early data: ACCEPTED",
                "received (14 bytes):\nzero-rtt\nping\n");
        assertThat(server.get(20, TimeUnit.SECONDS)[0]).isEqualTo(0);
    }

    @Test
    void sendInterpretsCarriageReturnAndNewline() {
        assertThat(ClientCommand.unescape("GET / HTTP/1.0\\r\\n\\r\\n")).isEqualTo("GET / HTTP/1.0\r\n\r\n");
        assertThat(ClientCommand.unescape("a\\\\b\\x")).isEqualTo("a\\b\\x");
    }
}
