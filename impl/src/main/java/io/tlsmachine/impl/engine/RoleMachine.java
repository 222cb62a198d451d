package io.tlsmachine.impl.engine;

import io.tlsmachine.impl.handshake.Decision;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.MachineRunner;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.TableMachine;
import io.tlsmachine.model.Transition;

/**
 * Wraps one role's machine runner (compiled table or strict Squirrel) with its handler table and the connection's
 * handshake object, so the engine drives client and server alike: it takes a transition, then runs its handler.
 *
 * @param <S> the role's state enum
 * @param <P> the role's steps port (the model's)
 * @param <C> the connection's handshake object the handlers run on
 */
public final class RoleMachine<S extends Enum<S> & ModelState, P, C> {

    private final MachineDefinition<S, P> definition;
    private final HandlerTable<S, P, C> handlers;
    private final C connection;
    private MachineRunner<S, P> runner;

    public RoleMachine(MachineDefinition<S, P> definition, MachineRunner<S, P> runner, HandlerTable<S, P, C> handlers, C connection) {
        this.definition = definition;
        this.runner = runner;
        this.handlers = handlers;
        this.connection = connection;
    }

    public MachineDefinition<S, P> definition() {
        return definition;
    }

    public ModelState state() {
        return runner.state();
    }

    public Negotiated facts() {
        return runner.facts();
    }

    void updateFacts(Negotiated facts) {
        runner.updateFacts(facts);
    }

    /** Takes the transition of (input, epoch); see {@link MachineRunner#take}. */
    Transition<S, P> take(Input input, Epoch epoch) {
        return runner.take(input, epoch);
    }

    /**
     * Runs the handler of {@code taken} (the transition {@link #take} just returned) with what the input carries, and
     * keeps the facts it returns; returns its {@link Decision}, or null for a handler that decides nothing.
     */
    @SuppressWarnings("unchecked")
    Decision runStep(Transition<?, ?> taken, Object argument, byte[] encoded) {
        HandlerTable.Handler<C> handler = handlers.handlerOf((Transition<S, P>) taken);
        Object result = handler.run(connection, runner.facts(), argument, encoded);
        if (handler.decides()) {
            Decision decision = (Decision) result;
            runner.updateFacts(decision.facts());
            return decision;
        }
        runner.updateFacts((Negotiated) result);
        return null;
    }

    /** Tells whether the model declares any transition for (current state, input, epoch). */
    public boolean declares(Input input, Epoch epoch) {
        return definition.compiled().declares(runner.state(), input, epoch);
    }

    /** Puts the machine in its terminal FAILED state (after a failure outside the model: record layer, decoding, a step). */
    void fail() {
        S failed = Enum.valueOf(definition.stateType(), "FAILED");
        runner = TableMachine.takingOnly(definition, failed, runner.facts());
    }
}
