package io.tlsmachine.model;

import org.squirrelframework.foundation.fsm.Condition;

/** Adapts a {@link Guard} to a typed Squirrel {@link Condition} (no MVEL). */
record GuardCondition<S extends Enum<S> & ModelState, P>(Guard guard) implements Condition<FireContext<S, P>> {

    @Override
    public boolean isSatisfied(FireContext<S, P> context) {
        return guard.test(context.facts);
    }

    @Override
    public String name() {
        return guard.label();
    }
}
