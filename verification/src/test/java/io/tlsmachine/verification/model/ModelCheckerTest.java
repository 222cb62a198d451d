package io.tlsmachine.verification.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the command-line model checker and reads its report. */
class ModelCheckerTest {

    @Test
    void reportsThatEveryCheckHoldsOnTheRealModel() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean ok = ModelChecker.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(ok).as(report).isTrue();
        assertThat(report).contains("P1 ", "P20", "Handshake types: TLS 1.3", "Mutants caught by the properties: "
                + Mutants.all().size() + " of " + Mutants.all().size(), "All model checks hold.").doesNotContain("FAILS");
    }
}
