package io.tlsmachine.verification.checker;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import java.util.List;

/**
 * Carries one record over the composed network: the input it becomes at the receiver, the epoch it is protected
 * under, its label, and for a handshake Finished the transcript it covers (the abstraction of the Finished MAC over
 * the transcript hash, RFC 8446 §4.4.4, RFC 5246 §7.4.9). A message the adversary made up covers nothing
 * ({@code coverage} null): it cannot compute a Finished MAC without the keys.
 *
 * @param input what the receiver's machine reads
 * @param epoch the keys the record is protected under
 * @param label the message as sent, e.g. {@code Alert(decode_error)}, or {@code injected X} for the adversary's
 * @param coverage the transcript a handshake Finished covers, else null
 */
public record Packet(Input input, Epoch epoch, String label, List<Input> coverage) {

    @Override
    public String toString() {
        return label + "@" + epoch.label();
    }
}
