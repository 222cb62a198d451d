package io.tlsmachine.verification.model;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks, independently of the model's own check, that the guards of every declared (state, input, epoch) are
 * mutually exclusive and exhaustive: exactly one holds for each facts combination the state's region admits.
 */
public final class GuardCoverage {

    private GuardCoverage() {
    }

    /** Returns one line per (state, input, epoch) and facts where zero or several guards hold (at most one per case). */
    public static List<String> violations(MachineDefinition<?, ?> definition) {
        Map<String, List<Transition<?, ?>>> cases = new LinkedHashMap<>();
        for (Transition<?, ?> t : definition.transitions()) {
            cases.computeIfAbsent(t.from().name() + " " + t.input() + "@" + t.epoch().label(), k -> new ArrayList<>()).add(t);
        }
        List<String> violations = new ArrayList<>();
        cases.forEach((name, edges) -> {
            ModelState state = edges.get(0).from();
            for (Negotiated facts : Negotiated.all()) {
                if (!state.region().admits(facts)) {
                    continue;
                }
                List<Transition<?, ?>> enabled = edges.stream().filter(t -> t.guard().test(facts)).toList();
                if (enabled.size() != 1) {
                    violations.add(definition.role() + " " + name + ": " + (enabled.isEmpty() ? "no guard holds"
                            : "guards " + enabled.stream().map(t -> t.guard().label()).collect(Collectors.joining(", "))
                                    + " all hold") + " for " + facts);
                    return;
                }
            }
        });
        return violations;
    }

    /** Returns the number of (state, input, epoch) cases with at least one declared transition. */
    public static long declaredCases(MachineDefinition<?, ?> definition) {
        return definition.transitions().stream().map(t -> List.of(t.from().name(), t.input(), t.epoch())).distinct().count();
    }

    /** Returns the number of (case, admitted facts) pairs the check evaluates. */
    public static long evaluatedPairs(MachineDefinition<?, ?> definition) {
        return definition.transitions().stream()
                .map(t -> List.of(t.from(), t.input(), t.epoch())).distinct()
                .mapToLong(k -> Negotiated.all().stream().filter(((ModelState) k.get(0)).region()::admits).count())
                .sum();
    }

    /** Tells whether an input/epoch pair is well formed: local inputs, and only they, arrive under LOCAL. */
    public static boolean wellFormed(Input input, Epoch epoch) {
        return input.local() == (epoch == Epoch.LOCAL);
    }
}
