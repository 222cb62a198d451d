package io.tlsmachine.model.analysis;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Message;

/** Records one message of a walk: who sent it, what, and under which epoch. */
public record SentMessage(Role sender, Message message, Epoch epoch) {

    /** Returns {@code C: ClientHello} or {@code S: ServerHello}. */
    public String label() {
        return (sender == Role.CLIENT ? "C: " : "S: ") + message.label();
    }
}
