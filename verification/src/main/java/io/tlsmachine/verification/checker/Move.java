package io.tlsmachine.verification.checker;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Transition;
import java.util.function.Supplier;

/**
 * Describes one move of the composed system: a delivery, a local command or decision, or an adversary action, the
 * state it leads to and, when a machine fired, what it fired.
 *
 * @param describe prints the move as in a trace, e.g. {@code S <- Finished@handshake} (built only when printed)
 * @param next the state after the move
 * @param fired what a machine did, or null for a drop or a duplicate
 * @param honest whether the move is one the two endpoints and a reliable network make on their own (a delivery or a
 *     local command); the adversary's drops, duplicates and injections are not
 */
public record Move(Supplier<String> describe, ComposedState next, Fired fired, boolean honest) {

    /** Returns the move as printed in a trace. */
    public String label() {
        return describe.get();
    }

    /**
     * Records one machine step inside a move.
     *
     * @param client whether the client fired (else the server)
     * @param from the state ordinal it fired in
     * @param input the input it read
     * @param epoch the epoch the input arrived under
     * @param transition the transition taken, or null when the input was rejected (unexpected_message), the
     *     Finished did not verify, or the record was skipped (early data the server does not read)
     * @param injected whether the adversary made the input up
     */
    public record Fired(boolean client, int from, Input input, Epoch epoch, Transition<?, ?> transition,
            boolean injected) {
    }
}
