package io.tlsmachine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a role's transition declarations in order; used by {@code ClientTransitions} and {@code ServerTransitions}.
 *
 * @param <S> the role's state enum
 * @param <P> the role's steps port
 */
public final class TransitionListBuilder<S extends Enum<S> & ModelState, P> {

    private final List<Transition<S, P>> transitions = new ArrayList<>();

    /** Declares one transition; outputs are sent in the order given. */
    public TransitionListBuilder<S, P> add(S from, Input input, Epoch epoch, Guard guard, S to, Step<P> step, String rfc,
            Output... outputs) {
        transitions.add(new Transition<>(from, input, epoch, guard, to, step, List.of(outputs), rfc));
        return this;
    }

    /** Returns the declarations collected so far. */
    public List<Transition<S, P>> build() {
        return List.copyOf(transitions);
    }

    /** Shorthand for an output sent whenever the transition fires. */
    public static Output send(Message message, Epoch epoch) {
        return Output.send(message, epoch);
    }

    /** Shorthand for an optional output. */
    public static Output sendIf(Message message, Epoch epoch, Guard guard) {
        return Output.sendIf(message, epoch, guard);
    }
}
