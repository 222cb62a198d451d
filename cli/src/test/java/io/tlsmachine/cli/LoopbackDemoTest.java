package io.tlsmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the demo's real loopback handshakes: every scenario passes, including its group expectations (x25519,
 * X25519MLKEM768 by both sides' defaults, secp256r1 after HelloRetryRequest), and the post-quantum one names its group.
 */
class LoopbackDemoTest {

    @Test
    @Timeout(120)
    void everyScenarioPassesAndThePostQuantumOneNamesX25519Mlkem768() {
        StringWriter text = new StringWriter();
        int failed = new LoopbackDemo(new PrintWriter(text, true)).run();

        String output = text.toString();
        assertThat(failed).as(output).isZero();
        String postQuantum = output.substring(output.indexOf("-- TLS 1.3, 1-RTT with the post-quantum hybrid"));
        String negotiatedLine = postQuantum.lines().filter(line -> line.startsWith("   negotiated: ")).findFirst()
                .orElseThrow();
        assertThat(negotiatedLine).contains("TLS13", "x25519mlkem768", "full handshake");
    }
}
