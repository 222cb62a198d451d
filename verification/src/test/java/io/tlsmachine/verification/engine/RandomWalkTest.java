package io.tlsmachine.verification.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.MachineKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Plays seeded random walks (honest, skipped, repeated, injected and wrong-epoch messages) from scripted peers of the
 * sample handshake types (by default) or of every handshake type (slow) against our client and server. The base seed is fresh each run and printed; every failure names its
 * walk's seed, and {@code -Dtlsmachine.seed=<seed>} replays exactly that walk.
 */
class RandomWalkTest {

    private static DeviantCatalogue catalogue;

    @BeforeAll
    static void recordScripts() {
        catalogue = new DeviantCatalogue(HandshakeScenario.all());
    }

    private static void walk(DeviantCatalogue catalogue, int count) {
        Long replay = Long.getLong("tlsmachine.seed");
        long base = replay != null ? replay : new java.util.SplittableRandom().nextLong();
        int walks = replay != null ? 1 : count;
        System.out.println("Random walks: " + walks + " from base seed " + base + " (each walk's seed is base + index)");
        List<String> failures = new ArrayList<>();
        Map<String, Integer> endings = new TreeMap<>();
        int honest = 0;
        for (int i = 0; i < walks; i++) {
            long seed = base + i;
            RandomWalk.Result result = RandomWalk.run(catalogue, seed, MachineKind.COMPILED_TABLE);
            if (replay != null) {
                System.out.println("  " + result.replay() + " -> " + result.finalState());
            }
            result.discrepancy().ifPresent(d -> failures.add(result.replay() + "\n    -> " + d));
            endings.merge(result.finalState(), 1, Integer::sum);
            if (i % 25 == 0) {
                RandomWalk.Result squirrel = RandomWalk.run(catalogue, seed, MachineKind.SQUIRREL);
                if (!squirrel.finalState().equals(result.finalState())) {
                    failures.add(result.replay() + "\n    -> the Squirrel runner ended in " + squirrel.finalState()
                            + ", the table in " + result.finalState());
                }
            }
        }
        System.out.println("  final states: " + endings);
        KnownEngineDeviations.print(failures);
        assertThat(failures).as("walks that did not end as the model predicts").allMatch(KnownEngineDeviations::explains);
        if (walks > 50) {
            assertThat(endings).containsKey("FAILED");
            assertThat(endings.keySet()).anyMatch(s -> s.contains("CONNECTED"));
        }
    }

    /** Walks from the sample scenarios ({@link HandshakeScenario#all()}, 0-RTT and every TLS 1.2 key exchange in it). */
    @Test
    void threeHundredSeededWalksEndAsTheModelPredicts() {
        walk(catalogue, 300);
    }

    /** Walks from every scenario of {@link ScenarioCatalogue}: every handshake type the engine produces. */
    @Tag("slow")
    @Test
    void fiveThousandSeededWalksOverEveryHandshakeTypeEndAsTheModelPredicts() {
        walk(new DeviantCatalogue(ScenarioCatalogue.everyType()), 5000);
    }
}
