package io.tlsmachine.impl.engine;

import io.tlsmachine.Reason;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Output;
import java.util.List;
import java.util.Optional;

/**
 * Names why a model transition into FAILED ended the connection, from the fatal alert the transition declares: the
 * model's rejection decides the alert, and a step may only name the same alert more precisely (the downgrade
 * sentinel is illegal_parameter, RFC 8446 §4.1.3). A step's reason that maps to another alert is not used.
 */
final class DeclaredRejection {

    private DeclaredRejection() {
    }

    /**
     * Returns the reason of a transition into FAILED that sends {@code outputs}, given the reason its step named;
     * without a declared fatal alert (a received fatal alert, RFC 8446 §6.2) the step's reason stands.
     */
    static Optional<Reason> reason(List<Output> outputs, Optional<Reason> stepReason) {
        Optional<Reason> declared = outputs.stream().map(o -> reasonOf(o.message())).filter(r -> r != null).findFirst();
        if (declared.isEmpty()) {
            return stepReason;
        }
        if (stepReason.isPresent() && stepReason.get().alertToSend().equals(declared.get().alertToSend())) {
            return stepReason;
        }
        return declared;
    }

    /**
     * The least specific reason whose alert is the declared fatal alert {@code message}; null for other messages. The
     * alert itself is the reason's ({@link Reason#alertToSend}), so the model's alert names and the reasons' alerts
     * cannot drift apart.
     */
    static Reason reasonOf(Message message) {
        return switch (message) {
            case ALERT_UNEXPECTED_MESSAGE -> Reason.UNEXPECTED_MESSAGE;
            case ALERT_DECODE_ERROR -> Reason.MALFORMED_MESSAGE;
            case ALERT_ILLEGAL_PARAMETER -> Reason.ILLEGAL_PARAMETER;
            default -> null;
        };
    }
}
