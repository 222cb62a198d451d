package io.tlsmachine.verification.checker;

import io.tlsmachine.model.CompiledMachine;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.analysis.Endpoint;
import java.util.List;

/**
 * Wraps one side's definition and its {@link Endpoint} in the composition, so the composed checker can address its
 * states by ordinal.
 */
final class Party {

    final String tag;
    final List<? extends ModelState> states;
    final int initial;
    final int failed;
    private final CompiledMachine<?, ?> compiled;
    private final Endpoint<?> endpoint;
    /** {@code reach[s]}: the states reachable from {@code s} over any declared edges (guards ignored), {@code s} included. */
    private final boolean[][] reach;

    <S extends Enum<S> & ModelState> Party(String tag, MachineDefinition<S, ?> definition, Endpoint<S> endpoint) {
        this.tag = tag;
        this.states = List.of(definition.stateType().getEnumConstants());
        this.initial = definition.initial().ordinal();
        this.failed = Enum.valueOf(definition.stateType(), "FAILED").ordinal();
        this.compiled = definition.compiled();
        this.endpoint = endpoint;
        int n = states.size();
        boolean[][] edge = new boolean[n][n];
        for (var t : definition.transitions()) {
            edge[t.from().ordinal()][t.to().ordinal()] = true;
        }
        this.reach = new boolean[n][n];
        for (int from = 0; from < n; from++) {
            java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(from));
            reach[from][from] = true;
            while (!todo.isEmpty()) {
                int at = todo.poll();
                for (int to = 0; to < n; to++) {
                    if (edge[at][to] && !reach[from][to]) {
                        reach[from][to] = true;
                        todo.add(to);
                    }
                }
            }
        }
    }

    /**
     * Tells whether {@code input} under {@code epoch} is rejected in {@code state} and in every state reachable from
     * it under {@code facts} (an over-approximation of reachability, so "true" is sound): a record that can only ever
     * fail its receiver.
     */
    boolean rejectedForever(int state, Input input, Epoch epoch, Negotiated facts) {
        for (int s = 0; s < states.size(); s++) {
            if (reach[state][s] && find(s, input, epoch, facts) != null) {
                return false;
            }
        }
        return true;
    }

    ModelState state(int ordinal) {
        return states.get(ordinal);
    }

    /** Returns the enabled transition, or null (an unexpected_message). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Transition<?, ?> find(int state, Input input, Epoch epoch, Negotiated facts) {
        return ((CompiledMachine) compiled).find((Enum) states.get(state), input, epoch, facts);
    }

    /** Tells whether the side's record layer skips a record under {@code epoch} (rejected 0-RTT). */
    boolean skips(Epoch epoch) {
        return endpoint.skips(epoch);
    }

    /** Returns the local decision the side takes in {@code state}, or null ({@link Endpoint#decision}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Input decision(int state, List<Input> transcript) {
        return ((Endpoint) endpoint).decision((Enum) states.get(state), transcript);
    }

    /** Fires one input by the composition's rules ({@link Endpoint#receive}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Endpoint.Reception<?> receive(int state, List<Input> transcript, Input input, Epoch epoch, List<Input> coverage) {
        return ((Endpoint) endpoint).receive((Enum) states.get(state), transcript, input, epoch, coverage);
    }
}
