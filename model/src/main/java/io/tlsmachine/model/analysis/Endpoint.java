package io.tlsmachine.model.analysis;

import io.tlsmachine.model.CompiledMachine;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires one side of a {@link Composition}: receives a record or takes a local decision in a given state with a given
 * transcript, and returns what happened; it keeps no state, so each composition keeps its sides as it needs.
 *
 * @param <S> the side's state enum
 */
public final class Endpoint<S extends Enum<S> & ModelState> {

    private static final List<Input> DECISIONS = List.of(Input.CONNECT, Input.SELECT_HELLO_RETRY,
            Input.SELECT_PARAMETERS, Input.SEND_SERVER_FLIGHT);

    /** Says how a side took a record or a local input. */
    public enum Outcome {
        /** An enabled edge fired. */
        ACCEPTED,
        /** No enabled edge: unexpected_message, the model's one rejection. */
        UNEXPECTED,
        /** A handshake Finished whose transcript is not the receiver's: it does not verify (decrypt_error). */
        FINISHED_MISMATCH,
        /** An early record the server's record layer skips, 0-RTT not being accepted. */
        SKIPPED
    }

    /**
     * Records one output sent, as it travels to the peer.
     *
     * @param output the declared output
     * @param coverage for a handshake Finished, the transcript it covers; else null
     * @param transcribed whether the output entered the sender's transcript
     */
    public record Sent(Output output, List<Input> coverage, boolean transcribed) {

        /** Returns the input the peer reads it as. */
        public Input input() {
            return output.message().receivedAs();
        }

        /** Returns the epoch it is protected under. */
        public Epoch epoch() {
            return output.epoch();
        }
    }

    /**
     * Records what a side did with one input.
     *
     * @param outcome accepted, rejected, or skipped
     * @param transition the edge taken, or null unless accepted
     * @param transcript the side's transcript afterwards (the one it had, unless accepted)
     * @param inputTranscribed whether the input entered the transcript
     * @param sent the outputs sent, in order (none unless accepted)
     */
    public record Reception<S extends Enum<S> & ModelState>(Outcome outcome, Transition<S, ?> transition,
            List<Input> transcript, boolean inputTranscribed, List<Sent> sent) {

        /** Tells whether an edge fired. */
        public boolean accepted() {
            return outcome == Outcome.ACCEPTED;
        }
    }

    private final Role role;
    private final CompiledMachine<S, ?> machine;
    private final Negotiated facts;

    Endpoint(Role role, CompiledMachine<S, ?> machine, Negotiated facts) {
        this.role = role;
        this.machine = machine;
        this.facts = facts;
    }

    /** Returns which side this is. */
    public Role role() {
        return role;
    }

    /** Returns the facts the side reads. */
    public Negotiated facts() {
        return facts;
    }

    /** Returns the side's machine. */
    public CompiledMachine<S, ?> machine() {
        return machine;
    }

    /** Returns the enabled edge of (state, input, epoch) under the composition's facts, or null. */
    public Transition<S, ?> find(S state, Input input, Epoch epoch) {
        return machine.find(state, input, epoch, facts);
    }

    /** Tells whether the side's record layer skips a record under {@code epoch}: early data a server did not accept. */
    public boolean skips(Epoch epoch) {
        return role == Role.SERVER && epoch == Epoch.EARLY && !facts.earlyDataAccepted();
    }

    /**
     * Returns the local decision the side takes in {@code state}, or null when the state reads records or has none
     * enabled. SELECT_HELLO_RETRY is taken when the facts say a HelloRetryRequest is sent and the transcript has none.
     */
    public Input decision(S state, List<Input> transcript) {
        if (state.readEpoch() != Epoch.LOCAL) {
            return null;
        }
        boolean retry = facts.helloRetryRequested() && !transcript.contains(Input.HELLO_RETRY_REQUEST);
        for (Input decision : DECISIONS) {
            if ((decision != Input.SELECT_HELLO_RETRY || retry) && find(state, decision, Epoch.LOCAL) != null) {
                return decision;
            }
        }
        return null;
    }

    /**
     * Fires {@code input} under {@code epoch} in {@code state}; {@code coverage} is the transcript a received handshake
     * Finished covers (null for anything else, and for a Finished the sender could not compute). Returns the outcome,
     * the transcript afterwards and the outputs sent, a handshake Finished carrying the transcript it covers.
     */
    public Reception<S> receive(S state, List<Input> transcript, Input input, Epoch epoch, List<Input> coverage) {
        if (skips(epoch)) {
            return new Reception<>(Outcome.SKIPPED, null, transcript, false, List.of());
        }
        Transition<S, ?> t = find(state, input, epoch);
        if (t == null) {
            return new Reception<>(Outcome.UNEXPECTED, null, transcript, false, List.of());
        }
        boolean inHandshake = !state.connected();
        boolean record = epoch != Epoch.LOCAL;
        if (inHandshake && record && input == Input.FINISHED && (coverage == null || !coverage.equals(transcript))) {
            return new Reception<>(Outcome.FINISHED_MISMATCH, null, transcript, false, List.of());
        }
        List<Input> after = new ArrayList<>(transcript);
        boolean inputTranscribed = inHandshake && record && Composition.TRANSCRIPT_MESSAGES.contains(input);
        if (inputTranscribed) {
            after.add(input);
        }
        List<Output> outputs = t.outputsFor(facts);
        List<Sent> sent = new ArrayList<>(outputs.size());
        for (Output o : outputs) {
            boolean covered = inHandshake && Composition.transcribed(o);
            sent.add(new Sent(o, covered && o.message() == Message.FINISHED ? List.copyOf(after) : null, covered));
            if (covered) {
                after.add(o.message().receivedAs());
            }
        }
        return new Reception<>(Outcome.ACCEPTED, t, List.copyOf(after), inputTranscribed, sent);
    }
}
