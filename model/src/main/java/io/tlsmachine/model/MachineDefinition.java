package io.tlsmachine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds one role's declared transitions (the single source from which the Squirrel machine, the compiled
 * table, the diagrams and the summary are all produced) and lists its states, inputs and transitions.
 *
 * @param <S> the role's state enum
 * @param <P> the role's steps port
 */
public final class MachineDefinition<S extends Enum<S> & ModelState, P> {

    private final String role;
    private final Class<S> stateType;
    private final Class<P> stepsType;
    private final S initial;
    private final List<Transition<S, P>> transitions;
    private final CompiledMachine<S, P> compiled;

    /** Creates a definition; {@code role} is {@code client} or {@code server}. */
    public MachineDefinition(String role, Class<S> stateType, Class<P> stepsType, S initial,
            List<Transition<S, P>> transitions) {
        this.role = Objects.requireNonNull(role, "role");
        this.stateType = Objects.requireNonNull(stateType, "stateType");
        this.stepsType = Objects.requireNonNull(stepsType, "stepsType");
        this.initial = Objects.requireNonNull(initial, "initial");
        this.transitions = List.copyOf(transitions);
        this.compiled = new CompiledMachine<>(this);
    }

    /** Returns {@code client} or {@code server}. */
    public String role() {
        return role;
    }

    /** Returns the state enum class. */
    public Class<S> stateType() {
        return stateType;
    }

    /** Returns the steps port interface. */
    public Class<P> stepsType() {
        return stepsType;
    }

    /** Returns the state a new connection starts in. */
    public S initial() {
        return initial;
    }

    /** Returns every state, in declaration order. */
    public List<S> states() {
        return Arrays.asList(stateType.getEnumConstants());
    }

    /** Returns the states of one region. */
    public List<S> statesIn(VersionRegion region) {
        return states().stream().filter(s -> s.region() == region).toList();
    }

    /** Returns every input this machine has at least one transition for, in enum order. */
    public List<Input> inputs() {
        return Arrays.stream(Input.values()).filter(i -> transitions.stream().anyMatch(t -> t.input() == i)).toList();
    }

    /** Returns every transition in declaration order. */
    public List<Transition<S, P>> transitions() {
        return transitions;
    }

    /** Returns the transitions leaving {@code state}. */
    public List<Transition<S, P>> transitionsFrom(S state) {
        return transitions.stream().filter(t -> t.from() == state).toList();
    }

    /** Returns the transitions of (state, input, epoch), whatever their guards. */
    public List<Transition<S, P>> transitionsOf(S state, Input input, Epoch epoch) {
        return transitions.stream()
                .filter(t -> t.from() == state && t.input() == input && t.epoch() == epoch)
                .toList();
    }

    /** Returns the immutable compiled table built from this definition. */
    public CompiledMachine<S, P> compiled() {
        return compiled;
    }

    /**
     * Checks that the guards of every declared (state, input, epoch) are mutually exclusive and exhaustive over
     * the facts in {@link Negotiated#all()} that the state's region admits; returns one line per violation.
     */
    public List<String> guardViolations() {
        Map<S, Map<Input, Map<Epoch, List<Transition<S, P>>>>> grouped = new EnumMap<>(stateType);
        for (Transition<S, P> t : transitions) {
            grouped.computeIfAbsent(t.from(), k -> new EnumMap<>(Input.class))
                    .computeIfAbsent(t.input(), k -> new EnumMap<>(Epoch.class))
                    .computeIfAbsent(t.epoch(), k -> new ArrayList<>()).add(t);
        }
        List<String> violations = new ArrayList<>();
        grouped.forEach((state, byInput) -> byInput.forEach((input, byEpoch) -> byEpoch.forEach((epoch, edges) -> {
            for (Negotiated facts : Negotiated.all()) {
                if (!state.region().admits(facts)) {
                    continue;
                }
                long enabled = edges.stream().filter(t -> t.guard().test(facts)).count();
                if (enabled != 1) {
                    violations.add(role + " " + state + " " + input + "@" + epoch.label() + ": " + enabled
                            + " guards hold for " + facts);
                    return;
                }
            }
        })));
        return violations;
    }

    @Override
    public String toString() {
        return role + " machine (" + states().size() + " states, " + transitions.size() + " transitions)";
    }
}
