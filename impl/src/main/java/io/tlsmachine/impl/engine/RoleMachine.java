package io.tlsmachine.impl.engine;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineRunner;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.TableMachine;
import io.tlsmachine.model.Transition;

/**
 * Wraps one role's machine runner (compiled table or strict Squirrel) so the engine can drive client and server alike.
 *
 * @param <S> the role's state enum
 * @param <P> the role's steps port
 */
final class RoleMachine<S extends Enum<S> & ModelState, P> {

    private final MachineDefinition<S, P> definition;
    private final P steps;
    private MachineRunner<S, P> runner;

    RoleMachine(MachineDefinition<S, P> definition, MachineRunner<S, P> runner, P steps) {
        this.definition = definition;
        this.steps = steps;
        this.runner = runner;
    }

    MachineDefinition<S, P> definition() {
        return definition;
    }

    ModelState state() {
        return runner.state();
    }

    Negotiated facts() {
        return runner.facts();
    }

    void updateFacts(Negotiated facts) {
        runner.updateFacts(facts);
    }

    /** Fires (input, epoch) on the runner; see {@link MachineRunner#fire}. */
    Transition<S, P> fire(Input input, Epoch epoch) {
        return runner.fire(input, epoch);
    }

    /** Tells whether the model declares any transition for (current state, input, epoch). */
    boolean declares(Input input, Epoch epoch) {
        return definition.compiled().declares(runner.state(), input, epoch);
    }

    /** Puts the machine in its terminal FAILED state (after a failure outside any step: record layer, decoding). */
    void fail() {
        S failed = Enum.valueOf(definition.stateType(), "FAILED");
        runner = new TableMachine<>(definition, failed, steps, runner.facts());
    }
}
