package io.tlsmachine.impl.handshake;

import io.tlsmachine.Reason;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Negotiated;
import java.util.Objects;

/**
 * Returns what a deciding step chose: the facts to continue with and either the model's next local input (the
 * server's HelloRetryRequest or not, another NewSessionTicket) or the reason a rejection the model declares ends the
 * connection with (the downgrade sentinel, a received fatal alert). The engine fires {@link #next} right after the
 * transition, so the decision shows on the model's path. Only deciding steps return one: ordinary steps return the
 * facts alone, so no object is made per record.
 *
 * @param facts     the facts to continue with
 * @param next      the local input to fire next, or null
 * @param rejection why the transition into FAILED ends the connection, or null
 */
public record Decision(Negotiated facts, Input next, Reason rejection) {

    public Decision {
        Objects.requireNonNull(facts, "facts");
        if (next != null && !next.local()) {
            throw new IllegalArgumentException("a step decides local inputs only: " + next);
        }
    }

    /** The step chose {@code next}, fired right after its transition. */
    public static Decision then(Negotiated facts, Input next) {
        return new Decision(facts, Objects.requireNonNull(next, "next"), null);
    }

    /** The step chose nothing further. */
    public static Decision proceed(Negotiated facts) {
        return new Decision(facts, null, null);
    }

    /** The step names why the model's rejection ends the connection. */
    public static Decision reject(Negotiated facts, Reason reason) {
        return new Decision(facts, null, Objects.requireNonNull(reason, "reason"));
    }
}
