package io.tlsmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the demo's real loopback handshakes: every scenario passes, including its group expectations (x25519,
 * X25519MLKEM768 by both sides' defaults, secp256r1 after HelloRetryRequest), the post-quantum one names its group,
 * and the summary line of each scenario shows the group it negotiated.
 */
class LoopbackDemoTest {

    @Test
    @Timeout(120)
    void everyScenarioPassesAndThePostQuantumOneNamesX25519Mlkem768() {
        StringWriter text = new StringWriter();
        List<LoopbackDemo.Outcome> outcomes = new LoopbackDemo(new PrintWriter(text, true)).run();

        String output = text.toString();
        assertThat(outcomes).as(output).isNotEmpty().allSatisfy(outcome -> assertThat(outcome.passed()).isTrue());
        String postQuantum = output.substring(output.indexOf("-- TLS 1.3, 1-RTT with the post-quantum hybrid"));
        String negotiatedLine = postQuantum.lines().filter(line -> line.startsWith("   negotiated: ")).findFirst()
                .orElseThrow();
        assertThat(negotiatedLine).contains("TLS13", "x25519mlkem768", "full handshake");

        List<String> summary = outcomes.stream().map(LoopbackDemo.Outcome::summaryLine).toList();
        assertThat(summary).filteredOn(line -> line.contains("post-quantum hybrid")).singleElement()
                .satisfies(line -> assertThat(line).contains("TLS13", "x25519mlkem768", "full"));
        assertThat(summary).filteredOn(line -> line.contains("HelloRetryRequest")).singleElement()
                .satisfies(line -> assertThat(line).contains("secp256r1"));
        assertThat(summary).filteredOn(line -> line.contains("abbreviated handshake")).singleElement()
                .satisfies(line -> assertThat(line).contains("TLS12", "(no exchange)", "resumed"));
    }
}
