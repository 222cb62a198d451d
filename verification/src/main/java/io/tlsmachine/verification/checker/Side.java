package io.tlsmachine.verification.checker;

import io.tlsmachine.model.Input;
import java.util.List;

/**
 * Holds what one side contributes to a composed state: its machine state (ordinal), the handshake messages it sent
 * and accepted so far in its order (what its Finished covers), and whether it has read a protected record yet.
 *
 * @param state the ordinal of the side's state enum
 * @param transcript the handshake messages sent and accepted before the side was connected
 * @param readProtected whether the side has accepted a record under early, handshake or application keys
 */
public record Side(int state, List<Input> transcript, boolean readProtected) {

    public Side {
        transcript = List.copyOf(transcript);
    }

    /** Returns the side as it is before it fires anything. */
    static Side initial(int state) {
        return new Side(state, List.of(), false);
    }
}
