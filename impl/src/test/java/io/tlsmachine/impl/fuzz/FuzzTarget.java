package io.tlsmachine.impl.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * Marks a Jazzer fuzz target of the project (verification/FUZZING.md): in the default build it runs in regression mode over its
 * committed inputs ({@code <TestClass>Inputs/<method>/} under the test resources); with {@code JAZZER_FUZZ=1} (the
 * {@code fuzz-campaign} execution of impl's pom) it fuzzes for {@code jazzer.max_duration} (the pom's
 * {@code tlsm.fuzz.duration}, 20 s by default; 30 s when run without it), or until {@code jazzer.max_executions} inputs
 * ran (the pom's {@code tlsm.fuzz.executions}; 0, the default, is no limit; {@code verification/fuzz-campaign.sh}).
 *
 * <p>Each input must finish within 10 seconds: JUnit enforces it per input in regression mode; in the campaign Jazzer
 * passes it to libFuzzer as its per-input timeout (a hang is a finding) and the pom turns JUnit's own timeout off,
 * which would cover the whole fuzzing run. Only one fuzz test is fuzzed per JVM, so each target class holds one.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Tag("fuzz")
@Timeout(value = 10, unit = TimeUnit.SECONDS)
@FuzzTest(maxDuration = "30s")
public @interface FuzzTarget {
}
