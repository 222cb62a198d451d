package io.tlsmachine.verification.engine;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.TakenTransition;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.impl.engine.ReceiveLimits;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Our engine under test, fed one record at a time; after each record it checks that the engine did what the model
 * predicts for the record's input in the engine's current state, and keeps the first discrepancy.
 */
final class Victim {

    /** How one delivered record ended. */
    enum Outcome {
        /** The model and the engine continued. */
        CONTINUED,
        /** The model rejects the input and the engine failed with the predicted alert. */
        REJECTED_AS_PREDICTED,
        /** The model accepts the input, but the step rejected its content (the walk had already left the script). */
        CONTENT_REJECTED,
        /** The engine was already closed or failed; nothing was delivered. */
        ENDED,
        /** The engine did not do what the model predicts; see {@link #discrepancy()}. */
        DISCREPANCY
    }

    private final TlsEngine engine;
    private final String name;
    private final List<TakenTransition> taken = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();
    private int changeCipherSpecsContinued;
    private boolean offScript;
    private boolean undecodable;
    private String discrepancy;

    Victim(TlsEngine engine, String name) {
        this.engine = engine;
        this.name = name;
        engine.addTransitionListener(taken::add);
    }

    void begin() {
        engine.beginHandshake();
        engine.drainOutbound();
    }

    TlsEngine engine() {
        return engine;
    }

    /** Delivers a record of the honest script in its place. */
    Outcome deliverHonest(WireRecord record) {
        if (record.input() == null) {
            return deliverUnlabelled(record);
        }
        return deliver(record, record.epoch(), "honest " + record);
    }

    /** Delivers {@code record} out of the script, as sent under {@code epoch}; later content failures are allowed. */
    Outcome deliverDeviant(WireRecord record, Epoch epoch, String what) {
        return deliverDeviant(record, epoch, what, false);
    }

    /**
     * Delivers {@code record} out of the script; when {@code otherVersion}, the message is encoded for the other
     * version, and a decode_error before the model saw any input (the victim's codec cannot parse it, so it never
     * becomes the input it was in its own flow: RFC 8446 §6.2, RFC 5246 §7.2.2) is a content rejection.
     */
    Outcome deliverDeviant(WireRecord record, Epoch epoch, String what, boolean otherVersion) {
        offScript = true;
        Outcome outcome = deliver(record, epoch, what);
        if (outcome == Outcome.DISCREPANCY && otherVersion && undecodable) {
            discrepancy = null;
            return Outcome.CONTENT_REJECTED;
        }
        return outcome;
    }

    private Outcome deliverUnlabelled(WireRecord record) {
        if (engine.state().terminal()) {
            return Outcome.ENDED;
        }
        delivered.add("honest " + record);
        engine.feed(record.bytes());
        engine.drainOutbound();
        if (engine.isFailed() && !offScript) {
            return discrepancy("an honest record failed the connection: " + engine.failure().map(e -> e.reason().name()));
        }
        return engine.isFailed() ? Outcome.CONTENT_REJECTED : Outcome.CONTINUED;
    }

    private Outcome deliver(WireRecord record, Epoch epoch, String what) {
        ModelState state = engine.state();
        if (state.terminal()) {
            return Outcome.ENDED;
        }
        delivered.add(what);
        Prediction predicted = Prediction.of(engine.definition(), state, record.input(), epoch);
        if (record.input() == Input.CHANGE_CIPHER_SPEC && !predicted.rejects()
                && ++changeCipherSpecsContinued > ReceiveLimits.MAX_TLS13_CHANGE_CIPHER_SPECS) {
            // The engine's bound below the model's self-loop (specs/limits.md; RFC 8446 Appendix D.4: one per
            // handshake). Only TLS 1.3 states continue on a second ChangeCipherSpec, so only TLS 1.3 counts here.
            predicted = new Prediction(Optional.of(AlertDescription.UNEXPECTED_MESSAGE));
        }
        taken.clear();
        engine.feed(record.bytes());
        byte[] sent = engine.drainOutbound();
        Optional<AlertDescription> alert = engine.failure().flatMap(e -> e.reason().alertToSend());
        undecodable = discrepancy == null && alert.equals(Optional.of(AlertDescription.DECODE_ERROR))
                && taken.stream().noneMatch(t -> !t.input().local());
        String context = record.input() + "@" + epoch.label() + " in " + state.name() + ": the model predicts " + predicted;
        if (predicted.rejects()) {
            if (!engine.isFailed() || !alert.equals(predicted.rejection()) || sent.length == 0) {
                return discrepancy(context + ", the engine is in " + engine.state().name() + " having sent "
                        + (sent.length == 0 ? "nothing" : "an alert " + alert.map(Object::toString).orElse("(none)")));
            }
            return Outcome.REJECTED_AS_PREDICTED;
        }
        if (!engine.isFailed()) {
            return Outcome.CONTINUED;
        }
        Optional<TakenTransition> toFailed = taken.stream().filter(t -> t.from().name().equals(state.name())
                && t.input() == record.input() && t.to().terminal()).findFirst();
        if (toFailed.isPresent()) {
            Optional<AlertDescription> declared = declaredAlertOf(toFailed.get());
            if (declared.isPresent() && !declared.equals(alert)) {
                return discrepancy(context + ", the engine took " + toFailed.get() + " but sent " + alert);
            }
            return Outcome.REJECTED_AS_PREDICTED;
        }
        if (!offScript || alert.equals(Optional.of(AlertDescription.UNEXPECTED_MESSAGE))) {
            return discrepancy(context + ", the engine failed with " + alert + " (" + engine.failure().map(e -> e.reason().name())
                    .orElse("?") + ")");
        }
        return Outcome.CONTENT_REJECTED;
    }

    private Optional<AlertDescription> declaredAlertOf(TakenTransition t) {
        for (Transition<?, ?> edge : engine.definition().transitions()) {
            if (edge.from().name().equals(t.from().name()) && edge.input() == t.input() && edge.epoch() == t.epoch()
                    && edge.guard() == t.guard() && edge.to().name().equals(t.to().name())) {
                return Prediction.declaredAlert(edge);
            }
        }
        return Optional.empty();
    }

    private Outcome discrepancy(String what) {
        if (discrepancy == null) {
            discrepancy = name + ": " + what + "; delivered " + delivered;
        }
        return Outcome.DISCREPANCY;
    }

    /** Returns the first discrepancy between the engine and the model, if any. */
    Optional<String> discrepancy() {
        return Optional.ofNullable(discrepancy);
    }
}
