package io.tlsmachine.model;

import java.util.Objects;

/**
 * Declares one message a transition sends, the epoch it is protected under, and the guard that makes it optional.
 */
public record Output(Message message, Epoch epoch, Guard guard) {

    public Output {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(guard, "guard");
        if (epoch == Epoch.LOCAL) {
            throw new IllegalArgumentException("an output is a record: epoch LOCAL is not allowed");
        }
    }

    /** Declares a message sent whenever the transition fires. */
    public static Output send(Message message, Epoch epoch) {
        return new Output(message, epoch, Guard.ALWAYS);
    }

    /** Declares a message sent only when {@code guard} holds. */
    public static Output sendIf(Message message, Epoch epoch, Guard guard) {
        return new Output(message, epoch, guard);
    }

    /** Returns the diagram label: {@code Message} or {@code Message[guard]}. */
    public String label() {
        return guard == Guard.ALWAYS ? message.label() : message.label() + "[" + guard.label() + "]";
    }
}
