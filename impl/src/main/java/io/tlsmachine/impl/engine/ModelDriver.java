package io.tlsmachine.impl.engine;

import io.tlsmachine.TransitionListener;
import io.tlsmachine.TakenTransition;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.handshake.Decision;
import io.tlsmachine.impl.handshake.HandshakeContext;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.UnexpectedMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Drives one connection's machine: fires each input (takes the model's transition, runs its handler with what the
 * input carries, reports it to the listeners, writes its declared outputs, fires the handler's decision), and handles
 * every failure in one place, {@link #failOn}: any {@link TlsException} or {@link UnexpectedMessage} (and any other
 * exception, as internal_error) sends exactly one alert, the one its reason maps to, moves the machine to FAILED, and
 * nothing is sent afterwards.
 */
public final class ModelDriver {

    private final HandshakeContext ctx;
    private final RoleMachine<?, ?, ?> machine;
    private final FlightWriter out;
    private final HandshakeTraffic traffic;
    private final ReceiveLimits limits = new ReceiveLimits();
    /** The transition listeners: a shared empty list until the first is added. */
    private volatile List<TransitionListener> listeners = List.of();
    private TlsException failure;

    /** Creates the driver of one engine's machine, writing declared outputs through {@code out}. */
    public ModelDriver(HandshakeContext ctx, RoleMachine<?, ?, ?> machine, FlightWriter out, HandshakeTraffic traffic) {
        this.ctx = ctx;
        this.machine = machine;
        this.out = out;
        this.traffic = traffic;
    }

    /** Returns the connection's bounds on what the peer may repeat without progress. */
    ReceiveLimits limits() {
        return limits;
    }

    /** Returns why the connection failed, if it did. */
    public Optional<TlsException> failure() {
        return Optional.ofNullable(failure);
    }

    public synchronized void addListeners(List<TransitionListener> added) {
        if (added.isEmpty()) {
            return;
        }
        if (!(listeners instanceof CopyOnWriteArrayList)) {
            listeners = new CopyOnWriteArrayList<>();
        }
        listeners.addAll(added);
    }

    /**
     * Takes the model's transition for one input, runs its handler with what the input carries ({@code argument}, and
     * for a handshake message its exact bytes), reports the transition, writes its declared outputs, then fires the
     * local input the handler decided, if any.
     */
    void fire(Input input, Epoch epoch, Object argument, byte[] encoded) {
        if (input == Input.REQUEST_KEY_UPDATE) {
            limits.keyUpdateRequested();
        }
        ModelState from = machine.state();
        Transition<?, ?> taken = machine.take(input, epoch);
        Decision decision = machine.runStep(taken, argument, encoded);
        if (!listeners.isEmpty()) {
            TakenTransition record = new TakenTransition(from, input, epoch, taken.guard(), taken.to());
            for (TransitionListener listener : listeners) {
                listener.onTransition(record);
            }
        }
        List<Output> outputs = taken.outputsFor(machine.facts());
        out.write(ctx.flight(), outputs);
        if (taken.to().connected() && !from.connected()) {
            ctx.releaseHandshakeState();
            traffic.releaseHandshakeState();
        }
        if (machine.state().terminal() && failure == null) {
            Optional<Reason> named = decision == null ? Optional.empty() : Optional.ofNullable(decision.rejection());
            DeclaredRejection.reason(outputs, named).ifPresent(reason -> failure = TlsException.fatal(reason, "the model's " + taken.to().name()
                    + " transition on " + input + " (" + taken.rfc() + ")"));
        }
        if (machine.state().terminal()) {
            ctx.destroyKeys();
            return;
        }
        if (decision != null && decision.next() != null) {
            fire(decision.next(), Epoch.LOCAL, null, null);
        }
    }

    /** Runs {@code action} on a live connection; what it throws fails the connection ({@link #failOn}). */
    public void guarded(Runnable action) {
        if (machine.state().terminal()) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            failOn(e);
        }
    }

    /**
     * Fires a local input (the application's request, with what it carries) as {@link #guarded} runs an action,
     * without a lambda per call.
     */
    public void fireLocal(Input input, Object argument) {
        if (machine.state().terminal()) {
            return;
        }
        try {
            fire(input, Epoch.LOCAL, argument, null);
        } catch (RuntimeException e) {
            failOn(e);
        }
    }

    /**
     * The one place failures are handled: fails the connection for what a guarded action threw, our typed failure or
     * internal_error for anything else.
     */
    private void failOn(RuntimeException e) {
        if (e instanceof UnexpectedMessage) {
            fail(TlsException.fatal(Reason.UNEXPECTED_MESSAGE, e.getMessage()));
        } else if (e instanceof TlsException tls) {
            fail(tls);
        } else {
            fail(TlsException.fatal(Reason.INTERNAL_ERROR, "unexpected " + e.getClass().getSimpleName(), e));
        }
    }

    /** Sends the one alert {@code e}'s reason maps to (if any), moves the machine to FAILED, and sends nothing more. */
    private void fail(TlsException e) {
        failure = e;
        ctx.flight().clear();
        ctx.rekeyForFatalAlert();
        e.reason().alertToSend().ifPresent(out::writeFatalAlert);
        machine.fail();
        ctx.destroyKeys();
    }

}
