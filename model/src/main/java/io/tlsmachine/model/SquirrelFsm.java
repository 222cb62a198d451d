package io.tlsmachine.model;

import org.squirrelframework.foundation.fsm.impl.AbstractStateMachine;

/**
 * Is the Squirrel state machine class behind {@link StrictMachine}: it records a declined event in the context
 * and rethrows action failures without logging them. Public because Squirrel instantiates it reflectively,
 * and its constructor access check is not reliably suppressed when several threads create machines at once.
 */
public final class SquirrelFsm<S extends Enum<S> & ModelState, P>
        extends AbstractStateMachine<SquirrelFsm<S, P>, S, Event, FireContext<S, P>> {

    /** Called reflectively by Squirrel's builder. */
    public SquirrelFsm() {
    }

    @Override
    protected void afterTransitionDeclined(S fromState, Event event, FireContext<S, P> context) {
        context.declined = true;
    }

    @Override
    protected void afterTransitionCausedException(S fromState, S toState, Event event, FireContext<S, P> context) {
        throw getLastException();
    }
}
