package io.tlsmachine;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Guard;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ModelState;

/**
 * Records one transition an engine took: (from, input, epoch, guard) → to.
 *
 * @param from the state before
 * @param input the input fired
 * @param epoch the read epoch the input arrived under
 * @param guard the guard that held ({@code ALWAYS} when none)
 * @param to the state after
 */
public record TakenTransition(ModelState from, Input input, Epoch epoch, Guard guard, ModelState to) {

    @Override
    public String toString() {
        return from.name() + " --" + input + "@" + epoch.label()
                + (guard == Guard.ALWAYS ? "" : " [" + guard.label() + "]") + "--> " + to.name();
    }
}
