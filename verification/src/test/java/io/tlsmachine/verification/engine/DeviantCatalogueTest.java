package io.tlsmachine.verification.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.MachineKind;
import io.tlsmachine.model.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Plays every skip, repeat, hop and wrong-epoch deviant of every handshake type, both versions and both roles,
 * against our engine, and checks each ends as the model predicts (RFC 8446 Appendix A, RFC 5246 §7.3: a message the
 * state does not expect is a fatal unexpected_message; an edge to FAILED sends the alert it declares).
 */
class DeviantCatalogueTest {

    private static DeviantCatalogue catalogue;
    private static List<DeviantCatalogue.Deviant> deviants;

    @BeforeAll
    static void generate() {
        catalogue = new DeviantCatalogue(HandshakeScenario.all());
        deviants = catalogue.deviants();
    }

    /** Plays every third deviant of the sample scenarios (0-RTT and the TLS 1.2 key exchanges included) ({@link HandshakeScenario#all()}), a fixed stride. */
    @Test
    void everyThirdDeviantOfTheSampleScenariosEndsAsTheModelPredicts() {
        List<DeviantCatalogue.Deviant> sample = new ArrayList<>();
        for (int i = 0; i < deviants.size(); i += 3) {
            sample.add(deviants.get(i));
        }
        playAll(catalogue, sample);
    }

    /** Plays the deviants of every scenario of {@link ScenarioCatalogue}: every handshake type the engine produces. */
    @Tag("slow")
    @Test
    void everyDeviantOfEveryHandshakeTypeEndsAsTheModelPredicts() {
        DeviantCatalogue full = new DeviantCatalogue(ScenarioCatalogue.everyType());
        playAll(full, full.deviants());
    }

    private static void playAll(DeviantCatalogue catalogue, List<DeviantCatalogue.Deviant> deviants) {
        List<String> discrepancies = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> counts = DeviantCatalogue.countPerCell(deviants);
        Map<Victim.Outcome, Integer> outcomes = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.Set<String> accepted = new java.util.concurrent.ConcurrentSkipListSet<>();
        // Each deviant runs on fresh engines built from fresh configurations: independent, so they run in parallel.
        deviants.parallelStream().forEach(deviant -> {
            Victim victim = DeviantCatalogue.play(deviant, MachineKind.COMPILED_TABLE);
            Optional<String> discrepancy = victim.discrepancy();
            discrepancy.ifPresent(d -> discrepancies.add(deviant + " -> " + d));
            Victim.Outcome outcome = discrepancy.isPresent() ? Victim.Outcome.DISCREPANCY : outcomeOf(victim);
            outcomes.merge(outcome, 1, Integer::sum);
            if (outcome == Victim.Outcome.CONTINUED) {
                String replaced = deviant.prefix() < deviant.peer().script().size()
                        ? deviant.peer().script().get(deviant.prefix()).toString() : "the end";
                accepted.add(deviant.kind() + (deviant.sealed() ? " sealed " : " ") + deviant.record() + " in place of "
                        + replaced + " (" + deviant.peer().scenario().version() + " our-" + deviant.peer().victimRole() + ")");
            }
        });
        System.out.println("Deviant-trace catalogue (" + deviants.size() + " traces, " + catalogue.peers().size()
                + " scripts, " + catalogue.foreign().size() + " foreign messages):");
        counts.forEach((cell, n) -> System.out.println("  " + cell + ": " + n));
        System.out.println("  outcomes: " + outcomes);
        System.out.println("  deviations the model accepts (the engine continued): " + accepted);
        KnownEngineDeviations.print(discrepancies);
        assertThat(discrepancies).as("deviants the engine did not end as the model predicts")
                .allMatch(KnownEngineDeviations::explains);
    }

    private static Victim.Outcome outcomeOf(Victim victim) {
        return victim.engine().isFailed() ? Victim.Outcome.REJECTED_AS_PREDICTED : Victim.Outcome.CONTINUED;
    }

    @Test
    void everyKindIsGeneratedForBothVersionsAndBothRoles() {
        Map<String, Integer> counts = DeviantCatalogue.countPerCell(deviants);
        for (DeviantCatalogue.Kind kind : List.of(DeviantCatalogue.Kind.SKIP, DeviantCatalogue.Kind.REPEAT,
                DeviantCatalogue.Kind.HOP)) {
            for (ProtocolVersion version : ProtocolVersion.values()) {
                for (Role role : Role.values()) {
                    assertThat(counts.getOrDefault(kind + " " + version + " our-" + role, 0))
                            .as("%s %s our-%s", kind, version, role).isPositive();
                }
            }
        }
        for (Role role : Role.values()) {
            assertThat(counts.getOrDefault("WRONG_EPOCH TLS13 our-" + role, 0)).as("wrong epoch against our %s", role)
                    .isPositive();
            for (ProtocolVersion version : ProtocolVersion.values()) {
                for (DeviantCatalogue.Kind kind : List.of(DeviantCatalogue.Kind.REPEAT, DeviantCatalogue.Kind.HOP)) {
                    assertThat(counts.getOrDefault(kind + " sealed " + version + " our-" + role, 0))
                            .as("%s sealed under the expected keys, %s our-%s", kind, version, role).isPositive();
                }
            }
        }
        assertThat(counts.getOrDefault("SKIP sealed TLS13 our-CLIENT", 0)).isPositive();
    }

    /**
     * RFC 8446 §4.2.10, §4.5: where our server reads 0-RTT under client_early_traffic_secret, deviants are sealed
     * under that key too (EndOfEarlyData skipped, repeated, other messages hopped into WAIT_EOED), and early data
     * and EndOfEarlyData come again after EndOfEarlyData, sealed under the handshake key.
     */
    @Test
    void zeroRttDeviantsAreSealedUnderTheEarlyKeyAndAfterEndOfEarlyData() {
        Map<DeviantCatalogue.Kind, Integer> early = new java.util.EnumMap<>(DeviantCatalogue.Kind.class);
        int afterEndOfEarlyData = 0;
        for (DeviantCatalogue.Deviant d : deviants) {
            if (d.sealed() && d.epoch() == io.tlsmachine.model.Epoch.EARLY) {
                early.merge(d.kind(), 1, Integer::sum);
            }
            boolean earlyInput = d.record().input() == io.tlsmachine.model.Input.APPLICATION_DATA
                    || d.record().input() == io.tlsmachine.model.Input.END_OF_EARLY_DATA;
            if (d.sealed() && earlyInput && d.epoch() == io.tlsmachine.model.Epoch.HANDSHAKE
                    && d.peer().victimRole() == Role.SERVER) {
                afterEndOfEarlyData++;
            }
        }
        System.out.println("Of " + deviants.size() + " deviants, sealed under client_early_traffic_secret: " + early + "; early data or"
                + " EndOfEarlyData after EndOfEarlyData: " + afterEndOfEarlyData);
        assertThat(early).containsOnlyKeys(DeviantCatalogue.Kind.SKIP, DeviantCatalogue.Kind.REPEAT,
                DeviantCatalogue.Kind.HOP);
        assertThat(afterEndOfEarlyData).isPositive();
    }

    @Test
    void theLiveSquirrelMachineEndsEveryHundredthDeviantLikeTheTable() {
        for (int i = 0; i < deviants.size(); i += 100) {
            DeviantCatalogue.Deviant deviant = deviants.get(i);
            Victim table = DeviantCatalogue.play(deviant, MachineKind.COMPILED_TABLE);
            Victim squirrel = DeviantCatalogue.play(deviant, MachineKind.SQUIRREL);
            assertThat(squirrel.engine().state()).as("%s", deviant).isEqualTo(table.engine().state());
            assertThat(squirrel.discrepancy()).as("%s", deviant).isEqualTo(table.discrepancy().map(d -> d));
        }
    }
}
