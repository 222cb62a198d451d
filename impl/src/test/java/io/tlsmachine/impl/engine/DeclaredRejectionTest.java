package io.tlsmachine.impl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.Reason;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Output;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checks that a model abort fails with a reason whose alert is the one the transition declares, whatever the step said. */
class DeclaredRejectionTest {

    private static List<Output> declaring(Message alert) {
        return List.of(Output.send(alert, Epoch.APPLICATION));
    }

    @Test
    void declaredUnexpectedMessageOverridesAStepReasonOfAnotherAlert() {
        Optional<Reason> reason = DeclaredRejection.reason(declaring(Message.ALERT_UNEXPECTED_MESSAGE),
                Optional.of(Reason.MALFORMED_MESSAGE));
        assertThat(reason).contains(Reason.UNEXPECTED_MESSAGE);
    }

    @Test
    void stepReasonNamingTheDeclaredAlertMorePreciselyStands() {
        Optional<Reason> reason = DeclaredRejection.reason(declaring(Message.ALERT_ILLEGAL_PARAMETER),
                Optional.of(Reason.DOWNGRADE_DETECTED));
        assertThat(reason).contains(Reason.DOWNGRADE_DETECTED);
    }

    @Test
    void declaredAlertWithoutAStepReasonNamesTheFailure() {
        for (Message alert : List.of(Message.ALERT_UNEXPECTED_MESSAGE, Message.ALERT_DECODE_ERROR, Message.ALERT_ILLEGAL_PARAMETER)) {
            Optional<AlertDescription> sent = DeclaredRejection.reason(declaring(alert), Optional.empty())
                    .flatMap(Reason::alertToSend);
            assertThat(sent.map(a -> "Alert(" + a + ")")).as(alert.name()).contains(alert.label());
        }
    }

    @Test
    void transitionWithoutADeclaredFatalAlertKeepsTheStepsReason() {
        assertThat(DeclaredRejection.reason(List.of(), Optional.of(Reason.PEER_SENT_FATAL_ALERT)))
                .contains(Reason.PEER_SENT_FATAL_ALERT);
        assertThat(DeclaredRejection.reason(declaring(Message.ALERT_CLOSE_NOTIFY), Optional.empty())).isEmpty();
    }
}
