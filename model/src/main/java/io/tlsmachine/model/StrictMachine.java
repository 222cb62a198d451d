package io.tlsmachine.model;

import java.util.Objects;
import org.squirrelframework.foundation.exception.TransitionException;

/**
 * Runs one connection on the live Squirrel machine, strictly: a declined event becomes {@link UnexpectedMessage}
 * and a step's exception is rethrown unwrapped (not logged); either way the machine is FAILED afterwards.
 *
 * <p>Not thread-safe: one instance per connection. Create it with {@link SquirrelDefinition#newMachine}.
 */
public final class StrictMachine<S extends Enum<S> & ModelState, P> {

    private final SquirrelFsm<S, P> fsm;
    private final FireContext<S, P> context;
    private final S failedState;
    private boolean failed;

    StrictMachine(SquirrelFsm<S, P> fsm, FireContext<S, P> context, S failedState) {
        this.fsm = fsm;
        this.context = context;
        this.failedState = failedState;
    }

    /** Returns the current state (FAILED after an unexpected input or a failed step). */
    public S state() {
        return failed ? failedState : fsm.getCurrentState();
    }

    /** Returns the current facts. */
    public Negotiated facts() {
        return context.facts;
    }

    /** Replaces the facts: the engine's input mapper records what the next message carries before firing it. */
    public void updateFacts(Negotiated facts) {
        context.facts = Objects.requireNonNull(facts, "facts");
    }

    /**
     * Fires (input, epoch) and returns the transition taken.
     *
     * @throws UnexpectedMessage when no transition of (state, input, epoch) has a guard that holds
     */
    public Transition<S, P> fire(Input input, Epoch epoch) {
        S from = state();
        if (failed) {
            throw new UnexpectedMessage(from, input, epoch);
        }
        context.fired = null;
        context.declined = false;
        try {
            fsm.fire(Event.of(input, epoch), context);
        } catch (TransitionException e) {
            failed = true;
            Throwable cause = e.getTargetException();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
        if (context.declined || context.fired == null) {
            failed = true;
            throw new UnexpectedMessage(from, input, epoch);
        }
        return context.fired;
    }
}
