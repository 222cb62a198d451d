package io.tlsmachine.model;

/**
 * Runs one connection's machine: the engine drives either implementation, {@link TableMachine} (the compiled
 * table, for production) or {@link StrictMachine} (live Squirrel, for cross-checking); both behave identically.
 *
 * @param <S> the role's state enum
 * @param <P> the role's steps port
 */
public interface MachineRunner<S extends Enum<S> & ModelState, P> {

    /** Returns the current state (FAILED after an unexpected input or a failed step). */
    S state();

    /** Returns the current facts. */
    Negotiated facts();

    /** Replaces the facts: the input mapper records what the next message carries before firing it. */
    void updateFacts(Negotiated facts);

    /**
     * Fires (input, epoch): runs the step, moves to the target state and returns the transition taken (its
     * outputs, filtered with {@link Transition#outputsFor}, are what to send).
     *
     * @throws UnexpectedMessage when no transition of (state, input, epoch) has a guard that holds; the step's own
     *     exception, unwrapped, when the step fails; the machine is FAILED after either
     */
    Transition<S, P> fire(Input input, Epoch epoch);

    /**
     * Takes the transition of (input, epoch) and moves to its target state without running its step: the caller runs
     * the step itself, with what the model does not know (the engine hands the decoded message to the handler it
     * registered for the transition, and gets the handler's decision back as a return value), then reports the facts
     * with {@link #updateFacts}. The model knows no codecs, so the message never passes through it.
     *
     * @throws UnexpectedMessage when no transition of (state, input, epoch) has a guard that holds; the machine is
     *     FAILED after it
     */
    Transition<S, P> take(Input input, Epoch epoch);
}
