package io.tlsmachine.model;

import org.squirrelframework.foundation.fsm.AnonymousAction;

/**
 * Adapts a transition's {@link Step} to a typed Squirrel action (no callMethod strings). A step's exception is kept
 * in the context instead of being thrown into Squirrel, which would log it; {@link StrictMachine} rethrows it.
 */
final class StepAction<S extends Enum<S> & ModelState, P> extends AnonymousAction<SquirrelFsm<S, P>, S, Event, FireContext<S, P>> {

    private final Transition<S, P> transition;

    StepAction(Transition<S, P> transition) {
        this.transition = transition;
    }

    @Override
    public void execute(S from, S to, Event event, FireContext<S, P> context, SquirrelFsm<S, P> machine) {
        try {
            if (context.runStep) {
                context.facts = transition.step().apply(context.port, context.facts);
            }
            context.fired = transition;
        } catch (RuntimeException e) {
            context.failure = e;
        }
    }

    @Override
    public String name() {
        return transition.step().name();
    }
}
