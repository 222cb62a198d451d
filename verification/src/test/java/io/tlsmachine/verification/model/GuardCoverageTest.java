package io.tlsmachine.verification.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.Guard;
import io.tlsmachine.model.Negotiated;
import org.junit.jupiter.api.Test;

/** Checks guard exclusivity and exhaustiveness for every declared (state, input, epoch) and facts combination. */
class GuardCoverageTest {

    private static final Machines REAL = Machines.real();

    @Test
    void guardsAreExclusiveAndExhaustiveInBothMachines() {
        for (var definition : REAL.both()) {
            System.out.printf("Guard coverage %s: %d declared cases, %d (case, facts) pairs%n", definition.role(),
                    GuardCoverage.declaredCases(definition), GuardCoverage.evaluatedPairs(definition));
            assertThat(GuardCoverage.violations(definition)).as(definition.role()).isEmpty();
        }
    }

    @Test
    void theCheckCatchesOverlappingAndMissingGuards() {
        Machines overlapping = REAL.withClient(l -> l.stream().map(t -> t.guard() == Guard.PSK_ACCEPTED
                ? new io.tlsmachine.model.Transition<>(t.from(), t.input(), t.epoch(), Guard.ALWAYS, t.to(), t.step(),
                        t.outputs(), t.rfc())
                : t).toList());
        assertThat(GuardCoverage.violations(overlapping.client())).anyMatch(v -> v.contains("all hold"));
        Machines missing = REAL.withClient(l -> l.stream().filter(t -> t.guard() != Guard.PSK_ACCEPTED).toList());
        assertThat(GuardCoverage.violations(missing.client())).anyMatch(v -> v.contains("no guard holds"));
    }

    @Test
    void everyDeclaredInputArrivesUnderAWellFormedEpoch() {
        for (var definition : REAL.both()) {
            assertThat(definition.transitions()).allMatch(t -> GuardCoverage.wellFormed(t.input(), t.epoch()));
        }
        assertThat(Negotiated.all()).isNotEmpty().allMatch(Negotiated::consistent);
    }
}
