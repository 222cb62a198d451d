package io.tlsmachine.model;

import java.util.Objects;
import org.squirrelframework.foundation.exception.TransitionException;

/**
 * Runs one connection on the live Squirrel machine, strictly: a declined event becomes {@link UnexpectedMessage}
 * and a step's exception is rethrown unwrapped (it never reaches Squirrel, so Squirrel neither wraps nor logs it);
 * either way the machine is FAILED afterwards.
 *
 * <p>Not thread-safe: one instance per connection. Create it with {@link SquirrelDefinition#newMachine}.
 */
public final class StrictMachine<S extends Enum<S> & ModelState, P> implements MachineRunner<S, P> {

    private final SquirrelFsm<S, P> fsm;
    private final FireContext<S, P> context;
    private final S failedState;
    private boolean failed;

    StrictMachine(SquirrelFsm<S, P> fsm, FireContext<S, P> context, S failedState) {
        this.fsm = fsm;
        this.context = context;
        this.failedState = failedState;
    }

    @Override
    public S state() {
        return failed ? failedState : fsm.getCurrentState();
    }

    @Override
    public Negotiated facts() {
        return context.facts;
    }

    @Override
    public void updateFacts(Negotiated facts) {
        context.facts = Objects.requireNonNull(facts, "facts");
    }

    @Override
    public Transition<S, P> fire(Input input, Epoch epoch) {
        if (context.port == null) {
            throw new IllegalStateException("this machine takes transitions; its caller runs the steps");
        }
        return run(input, epoch, true);
    }

    @Override
    public Transition<S, P> take(Input input, Epoch epoch) {
        return run(input, epoch, false);
    }

    private Transition<S, P> run(Input input, Epoch epoch, boolean runStep) {
        S from = state();
        if (failed) {
            throw new UnexpectedMessage(from, input, epoch);
        }
        context.fired = null;
        context.declined = false;
        context.failure = null;
        context.runStep = runStep;
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
        if (context.failure != null) {
            failed = true;
            throw context.failure;
        }
        if (context.declined || context.fired == null) {
            failed = true;
            throw new UnexpectedMessage(from, input, epoch);
        }
        return context.fired;
    }
}
