package io.tlsmachine;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Guard;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ModelState;

/** Records one transition an engine took: (from, input, epoch, guard) → to. */
public record TakenTransition(ModelState from, Input input, Epoch epoch, Guard guard, ModelState to) {

    @Override
    public String toString() {
        return from.name() + " --" + input + "@" + epoch.label()
                + (guard == Guard.ALWAYS ? "" : " [" + guard.label() + "]") + "--> " + to.name();
    }
}
