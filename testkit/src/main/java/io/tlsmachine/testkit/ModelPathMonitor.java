package io.tlsmachine.testkit;

import io.tlsmachine.TakenTransition;
import io.tlsmachine.TransitionListener;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.Transition;
import java.util.function.Consumer;

/**
 * Checks, transition by transition, that an engine's trace is a path of its model: each step starts where the
 * previous one ended (the first at the initial state) and is a declared edge (from, input, epoch, guard, to).
 * Violations go to a sink rather than being thrown, so the engine under watch behaves exactly as it would unwatched.
 */
public final class ModelPathMonitor implements TransitionListener {

    private final MachineDefinition<?, ?> definition;
    private final String engineName;
    private final Consumer<String> violations;
    private String expectedFrom;

    /** Watches an engine running {@code definition}; {@code violations} receives one line per broken step. */
    public ModelPathMonitor(MachineDefinition<?, ?> definition, String engineName, Consumer<String> violations) {
        this.definition = definition;
        this.engineName = engineName;
        this.violations = violations;
        this.expectedFrom = definition.initial().name();
    }

    @Override
    public void onTransition(TakenTransition taken) {
        if (!taken.from().name().equals(expectedFrom)) {
            violations.accept(engineName + ": " + taken + " does not start where the previous step ended (" + expectedFrom
                    + ")");
        }
        if (!declared(taken)) {
            violations.accept(engineName + ": " + taken + " is not a transition of the " + definition.role() + " model");
        }
        expectedFrom = taken.to().name();
    }

    private boolean declared(TakenTransition taken) {
        for (Transition<?, ?> t : definition.transitions()) {
            if (t.from().name().equals(taken.from().name()) && t.input() == taken.input() && t.epoch() == taken.epoch()
                    && t.guard() == taken.guard() && t.to().name().equals(taken.to().name())) {
                return true;
            }
        }
        return false;
    }
}
