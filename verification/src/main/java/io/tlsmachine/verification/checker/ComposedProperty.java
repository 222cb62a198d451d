package io.tlsmachine.verification.checker;

import io.tlsmachine.model.Negotiated;

/**
 * Names one numbered property of {@code specs/properties.md} as the composed checker checks it: on every move of
 * the composed system (and so on every reachable state, the move's target). Returns why the move breaks it, or null.
 *
 * @param id the property number, e.g. {@code P21}
 * @param statement the property in one sentence
 * @param check the check of one move under the run's facts
 */
public record ComposedProperty(String id, String statement, Check check) {

    /** Checks one move. */
    @FunctionalInterface
    public interface Check {
        /** Returns why {@code move} (from {@code before}) breaks the property, or null. */
        String violation(Negotiated facts, Moves moves, ComposedState before, Move move);
    }
}
