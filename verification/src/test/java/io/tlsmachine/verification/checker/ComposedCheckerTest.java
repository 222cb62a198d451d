package io.tlsmachine.verification.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.verification.model.Machines;
import io.tlsmachine.verification.model.Mutant;
import io.tlsmachine.verification.model.Mutants;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Explores the composed model under each network and shows that the composed checks can fail. */
class ComposedCheckerTest {

    private static final Set<ProtocolVersion> BOTH = EnumSet.allOf(ProtocolVersion.class);

    private static CheckResult check(Machines machines, Adversary adversary, Set<ProtocolVersion> versions) {
        CheckResult result = ComposedChecker.check(machines, adversary, versions, id -> true);
        System.out.println(result.summary());
        return result;
    }

    private static Machines mutant(String id) {
        Mutant mutant = Mutants.all().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
        return mutant.apply().apply(Machines.real());
    }

    @Test
    void realModelHoldsEveryPropertyOverAReliableNetwork() {
        CheckResult result = check(Machines.real(), Adversary.NONE, BOTH);
        assertThat(result.violations()).isEmpty();
        assertThat(result.runs()).isEqualTo(io.tlsmachine.model.Negotiated.all().size());
        assertThat(result.bothConnected()).isPositive();
    }

    @Test
    void realModelHoldsEveryPropertyOverADroppingDuplicatingReorderingNetwork() {
        CheckResult result = check(Machines.real(), Adversary.PASSIVE, BOTH);
        assertThat(result.violations()).isEmpty();
        assertThat(result.states()).isGreaterThan(check(Machines.real(), Adversary.NONE, BOTH).states());
    }

    @Test
    void realTls12ModelHoldsEveryPropertyAgainstAnActiveAdversary() {
        CheckResult result = check(Machines.real(), Adversary.ACTIVE, EnumSet.of(ProtocolVersion.TLS12));
        assertThat(result.violations()).isEmpty();
    }

    @Test
    @Tag("slow")
    void realModelHoldsEveryPropertyAgainstAnActiveAdversaryForBothVersions() {
        CheckResult result = check(Machines.real(), Adversary.ACTIVE, BOTH);
        assertThat(result.violations()).isEmpty();
    }

    @Test
    void skippedFinishedIsPrintedAsAShortestTraceWithBothSidesAndTheNetwork() {
        CheckResult result = check(mutant("M28"), Adversary.NONE, EnumSet.of(ProtocolVersion.TLS12));
        assertThat(result.violations()).containsKey("P1");
        String trace = result.violations().get("P1");
        System.out.println(trace);
        assertThat(trace).startsWith("P1 violated: client enters TLS12_CONNECTED on CHANGE_CIPHER_SPEC")
                .contains("\n    facts: Negotiated[version=TLS12", "\n    adversary: none",
                        "\n    0. client START, server START; C->S [], S->C []", "\n    1. C does CONNECT -> sends [ClientHello@plaintext]")
                .contains("C <- ChangeCipherSpec@plaintext")
                .contains("=> client TLS12_CONNECTED");
        // Shortest: an abbreviated handshake reaches the server's ChangeCipherSpec in fewer moves than a full one.
        assertThat(trace).contains("tls12Handshake=RESUMED");
        long steps = trace.lines().filter(l -> l.matches(" {4}\\d+\\. .*")).count();
        assertThat(steps).isBetween(4L, 10L);
    }

    @Test
    void secondClientHelloMidHandshakeIsFoundOnlyWhenTheAdversaryInjectsIt() {
        Machines broken = mutant("M30");
        Set<ProtocolVersion> tls12 = EnumSet.of(ProtocolVersion.TLS12);
        assertThat(ComposedChecker.check(broken, Adversary.NONE, tls12, "P23"::equals).violations()).isEmpty();
        CheckResult active = ComposedChecker.check(broken, Adversary.ACTIVE, tls12, "P23"::equals);
        // The broken server answers every ClientHello with a whole flight: with a replay as well, its flights can
        // exceed the in-flight bound, which is reported (BOUND) rather than explored.
        assertThat(active.violations()).containsKey("P23");
        assertThat(active.violations().keySet()).isSubsetOf("P23", "BOUND");
        assertThat(active.violations().get("P23")).contains("injected CLIENT_HELLO", "(adversary)");
    }

    @Test
    void activeAdversaryReplaysRecordsWithinItsBudget() {
        Set<ProtocolVersion> tls12 = EnumSet.of(ProtocolVersion.TLS12);
        Adversary noReplay = new Adversary("active without replays", 1, 0, true, 2);
        CheckResult without = ComposedChecker.check(Machines.real(), noReplay, tls12, p -> true);
        CheckResult with = ComposedChecker.check(Machines.real(), Adversary.ACTIVE, tls12, p -> true);
        assertThat(Adversary.ACTIVE.duplicates()).isEqualTo(1);
        assertThat(with.violations()).isEmpty();
        assertThat(with.states()).isGreaterThan(without.states());
        assertThat(with.transitions()).isGreaterThan(without.transitions());
    }

    @Test
    void handshakeThatCannotCompleteBreaksLiveness() {
        CheckResult result = check(mutant("M19"), Adversary.NONE, EnumSet.of(ProtocolVersion.TLS13));
        assertThat(result.violations()).containsOnlyKeys("P22");
        assertThat(result.violations().get("P22")).contains("never reaches both sides connected", "earlyDataAccepted=true");
    }
}
