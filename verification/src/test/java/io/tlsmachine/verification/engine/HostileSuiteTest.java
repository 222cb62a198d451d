package io.tlsmachine.verification.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.MachineKind;
import io.tlsmachine.impl.engine.TestRecords;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.ProtocolVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Plays every case of the field-level hostile-peer catalogue against a fresh engine: the engine must end FAILED
 * having sent exactly the alert the case's RFC sentence requires, or, where the RFC requires the change to be
 * ignored, be in the state the honest record leads to and not failed.
 */
class HostileSuiteTest {

    private static HostileCatalogue catalogue;
    private static final Map<String, ModelState> HONEST_STATES = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void generate() {
        catalogue = HostileCatalogue.sample();
    }

    /** The stride of the default build's sample: every fourth case, so the default run stays near 20 s on 2 cores. */
    private static final int STRIDE = 4;

    /** Plays every {@value #STRIDE}th case of the catalogue (a fixed stride, all categories hit), findings aside. */
    @TestFactory
    Stream<DynamicTest> everyFourthFieldLevelCaseEndsWithTheAlertItsRfcSentenceRequires() {
        List<HostileCase> cases = catalogue.cases();
        return java.util.stream.IntStream.range(0, cases.size()).filter(i -> i % STRIDE == 0).mapToObj(cases::get)
                .filter(c -> HostileFindings.of(c).isEmpty()).map(c -> DynamicTest.dynamicTest(c.name(), () -> play(c)));
    }

    /** Plays every case of the catalogue, findings aside (CI, {@code -Pall-tests}). */
    @Tag("slow")
    @TestFactory
    Stream<DynamicTest> everyFieldLevelCaseEndsWithTheAlertItsRfcSentenceRequires() {
        return catalogue.cases().stream().filter(c -> HostileFindings.of(c).isEmpty())
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> play(c)));
    }

    /** The cases of {@link HostileFindings}: the RFC's expectation kept; they fail until the engine is fixed. */
    @Tag("finding")
    @TestFactory
    Stream<DynamicTest> findingsWhereTheEngineDiffersFromTheRfc() {
        return catalogue.cases().stream().filter(c -> HostileFindings.of(c).isPresent())
                .map(c -> DynamicTest.dynamicTest(HostileFindings.of(c).get().id() + ": " + c.name(), () -> play(c)));
    }

    @Test
    void theCatalogueHoldsAtLeast1500DistinctCasesOfBothRolesAndBothVersions() {
        assertThat(catalogue.cases().stream().map(HostileCase::name).distinct().count())
                .isEqualTo(catalogue.cases().size()).isGreaterThanOrEqualTo(1500L * STRIDE);
        for (io.tlsmachine.model.analysis.Role role : io.tlsmachine.model.analysis.Role.values()) {
            for (ProtocolVersion version : ProtocolVersion.values()) {
                assertThat(catalogue.cases()).as("alert cases against our %s, %s", role, version)
                        .anyMatch(c -> c.role() == role && c.version() == version && c.expected().isPresent());
                if (role == io.tlsmachine.model.analysis.Role.SERVER) {
                    assertThat(catalogue.cases()).as("must-ignore cases against our server, %s", version)
                            .anyMatch(c -> c.role() == role && c.version() == version && c.expected().isEmpty());
                }
            }
        }
    }

    static void play(HostileCase c) {
        Victim victim = c.peer().start(MachineKind.COMPILED_TABLE, c.index());
        victim.engine().feed(c.record());
        byte[] sent = victim.engine().drainOutbound();
        Optional<AlertDescription> alert = victim.engine().failure().flatMap(e -> e.reason().alertToSend());
        if (c.expected().isPresent()) {
            assertThat(victim.engine().isFailed()).as("%s: the engine failed", c).isTrue();
            assertThat(alert).as("%s: the alert sent (reason %s)", c, victim.engine().failure().map(e -> e.reason().name()))
                    .isEqualTo(c.expected());
            assertThat(sent).as("%s: the engine sent its alert", c).isNotEmpty();
            lastRecord(sent).filter(r -> (r[0] & 0xFF) == 21 && r.length == 7).ifPresent(r -> assertThat(r).as("%s: the plaintext alert"
                    + " record is one fatal alert of the expected description", c)
                    .containsExactly(21, r[1], r[2], 0, 2, 2, c.expected().get().code()));
        } else {
            assertThat(victim.engine().failure().map(e -> e.reason().name())).as("%s: the engine failed", c).isEmpty();
            assertThat(victim.engine().state()).as("%s: the state reached", c).isEqualTo(honestState(c));
        }
    }

    private static ModelState honestState(HostileCase c) {
        String key = c.peer().scenario().name() + c.role() + c.index();
        return HONEST_STATES.computeIfAbsent(key, k -> c.peer().start(MachineKind.COMPILED_TABLE,
                Math.min(c.index() + 1, c.peer().script().size()))
                .engine().state());
    }

    /** The last record in {@code sent} (the alert, plaintext or protected under the keys then in use). */
    private static Optional<byte[]> lastRecord(byte[] sent) {
        List<byte[]> records = TestRecords.split(sent);
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
    }
}
