package io.tlsmachine.impl.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The example-trace parser: scenarios, steps, values across page breaks, and its own checks. */
class TraceFileTest {
    @Test
    void readsTheFiveTraceSections() {
        assertThat(TraceFile.load().scenarios()).extracting(TraceScenario::section, TraceScenario::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "Simple 1-RTT Handshake"),
                org.assertj.core.groups.Tuple.tuple(4, "Resumed 0-RTT Handshake"),
                org.assertj.core.groups.Tuple.tuple(5, "HelloRetryRequest"),
                org.assertj.core.groups.Tuple.tuple(6, "Client Authentication"),
                org.assertj.core.groups.Tuple.tuple(7, "Compatibility Mode"));
    }

    @Test
    void readsOneStepPerHeadingOfEverySection() throws Exception {
        List<String> raw = java.nio.file.Files.readAllLines(TraceFile.locate());
        for (TraceScenario scenario : TraceFile.load().scenarios()) {
            int start = raw.indexOf(scenario.section() + ".  " + scenario.title());
            int end = start + 1;
            while (!raw.get(end).matches("^\\d+\\.  \\S.*")) {
                end++;
            }
            long headings = raw.subList(start, end).stream().filter(l -> l.startsWith("   {")).count();
            assertThat(scenario.steps()).as(scenario.toString()).hasSize((int) headings);
        }
        assertThat(Tls13Trace.SIMPLE_1RTT.scenario().steps().get(0).toString())
                .isEqualTo("{client} create an ephemeral x25519 key pair (line 158)");
    }

    @Test
    void joinsAValueContinuedAcrossAPageBreak() {
        // The server's encrypted flight (679 octets) runs from page 8 onto page 10.
        TraceStep flight = Tls13Trace.SIMPLE_1RTT.scenario().steps(TraceSide.SERVER, "send handshake record").get(1);
        byte[] record = flight.value("complete record");
        assertThat(record).hasSize(679);
        assertThat(record[0]).isEqualTo((byte) 0x17);
        assertThat(record[678]).isEqualTo((byte) 0xf0);
    }

    @Test
    void joinsAHeadingWrappedOntoTwoLines() {
        TraceStep step = Tls13Trace.SIMPLE_1RTT.scenario().steps(TraceSide.CLIENT, "extract secret \"handshake\"").get(0);
        assertThat(step.heading()).isEqualTo("extract secret \"handshake\" (same as server handshake secret)");
        assertThat(step.isSameAsAnother()).isTrue();
        assertThat(step.values()).isEmpty();
    }

    @Test
    void readsEmptyAndZeroValuesAsEmpty() {
        TraceScenario simple = Tls13Trace.SIMPLE_1RTT.scenario();
        assertThat(simple.step("extract secret \"early\"").value("salt")).isEmpty();
        assertThat(simple.step(TraceSide.SERVER, "calculate finished \"tls13 finished\"").value("hash")).isEmpty();
    }

    @Test
    void keepsRepeatedStepsInFileOrder() {
        List<TraceStep> clientHellos = Tls13Trace.HELLO_RETRY_REQUEST.scenario()
                .steps(TraceSide.CLIENT, "construct a ClientHello handshake message");
        assertThat(clientHellos).extracting(s -> s.value("ClientHello").length).containsExactly(180, 512);
    }

    @Test
    void rejectsAValueWhoseLengthDiffersFromItsDeclaredOctets() {
        List<String> lines = List.of(
                "3.  Simple 1-RTT Handshake",
                "",
                "   {server}  extract secret \"early\":",
                "",
                "      secret (3 octets):  01 02",
                "");
        assertThatThrownBy(() -> TraceFile.parse(lines))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("declares 3 octets but shows 2");
    }

    @Test
    void rejectsAValueItCannotRead() {
        List<String> lines = List.of(
                "3.  Simple 1-RTT Handshake",
                "",
                "   {server}  extract secret \"early\":",
                "",
                "      secret (2 octets):  zz yy",
                "");
        assertThatThrownBy(() -> TraceFile.parse(lines)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dropsPageFootersAndHeadersInsideAValue() {
        List<String> lines = List.of(
                "3.  Simple 1-RTT Handshake",
                "",
                "   {client}  send handshake record:",
                "",
                "      payload (4 octets):  01 02",
                "",
                "",
                "",
                "Thomson                  Expires March 31, 2019                 [Page 9]",
                "\f",
                "Internet-Draft               TLS 1.3 Traces               September 2018",
                "",
                "",
                "         03 04",
                "",
                "4.  Resumed 0-RTT Handshake");
        TraceFile file = TraceFile.parse(lines);
        assertThat(file.scenario(3).step("send handshake record").value("payload")).containsExactly(1, 2, 3, 4);
        assertThat(file.scenario(4).steps()).isEmpty();
    }
}
