package io.tlsmachine.verification.engine;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import java.util.List;
import java.util.Optional;

/**
 * What the model predicts for one received (input, epoch) in one state: the connection continues (some edge may
 * still lead to FAILED under a guard), or it fails with one alert: unexpected_message when the model has no edge,
 * or the alert that every edge to FAILED declares.
 *
 * @param rejection the alert the connection must fail with, or empty when the model continues
 */
record Prediction(Optional<AlertDescription> rejection) {

    /** Predicts the outcome of {@code input} under {@code epoch} in {@code state} of {@code definition}. */
    static Prediction of(MachineDefinition<?, ?> definition, ModelState state, Input input, Epoch epoch) {
        List<? extends Transition<?, ?>> edges = definition.transitions().stream()
                .filter(t -> t.from().name().equals(state.name()) && t.input() == input && t.epoch() == epoch).toList();
        if (edges.isEmpty()) {
            return new Prediction(Optional.of(AlertDescription.UNEXPECTED_MESSAGE));
        }
        List<Optional<AlertDescription>> alerts = edges.stream().map(Prediction::declaredAlert).distinct().toList();
        if (alerts.size() == 1 && alerts.get(0).isPresent() && edges.stream().allMatch(t -> t.to().terminal())) {
            return new Prediction(alerts.get(0));
        }
        return new Prediction(Optional.empty());
    }

    /** Returns the fatal alert an edge declares as an output, if it declares one. */
    static Optional<AlertDescription> declaredAlert(Transition<?, ?> edge) {
        return edge.outputs().stream().map(Output::message).filter(m -> m.name().startsWith("ALERT_"))
                .map(Prediction::alertOf).flatMap(Optional::stream).findFirst();
    }

    private static Optional<AlertDescription> alertOf(Message message) {
        return switch (message) {
            case ALERT_ILLEGAL_PARAMETER -> Optional.of(AlertDescription.ILLEGAL_PARAMETER);
            case ALERT_DECODE_ERROR -> Optional.of(AlertDescription.DECODE_ERROR);
            case ALERT_UNEXPECTED_MESSAGE -> Optional.of(AlertDescription.UNEXPECTED_MESSAGE);
            default -> Optional.empty();
        };
    }

    boolean rejects() {
        return rejection.isPresent();
    }

    @Override
    public String toString() {
        return rejection.map(a -> "fail with " + a).orElse("continue");
    }
}
