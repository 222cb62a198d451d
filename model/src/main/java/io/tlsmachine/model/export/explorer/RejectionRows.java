package io.tlsmachine.model.export.explorer;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Computes a state's row of the rejection matrix (as in {@code specs/rejection-matrix.tsv}): for every input and
 * epoch it can arrive under, the accepting edges as {@code guard -> TARGET}, or {@code unexpected_message}.
 */
public final class RejectionRows {

    /** The outcome of a (state, input, epoch) no transition accepts. */
    public static final String UNEXPECTED = "unexpected_message";

    /**
     * One cell of the matrix.
     *
     * @param input the input
     * @param epoch the epoch it arrives under
     * @param outcome {@code guard -> TARGET} alternatives separated by {@code " | "}, or {@link #UNEXPECTED}
     */
    public record Cell(Input input, Epoch epoch, String outcome) {
    }

    private RejectionRows() {
    }

    /** Returns the epochs an input can arrive under: LOCAL for local inputs, the four record epochs otherwise. */
    public static List<Epoch> epochsOf(Input input) {
        return input.local() ? List.of(Epoch.LOCAL)
                : List.of(Epoch.PLAINTEXT, Epoch.EARLY, Epoch.HANDSHAKE, Epoch.APPLICATION);
    }

    /** Returns the outcome of {@code input} under {@code epoch} in {@code state}, the declared edges in order. */
    public static String outcome(MachineDefinition<?, ?> definition, ModelState state, Input input, Epoch epoch) {
        String accepting = definition.transitions().stream()
                .filter(t -> t.from() == state && t.input() == input && t.epoch() == epoch)
                .map(t -> t.guard().label() + " -> " + t.to().name())
                .collect(Collectors.joining(" | "));
        return accepting.isEmpty() ? UNEXPECTED : accepting;
    }

    /** Returns the row of {@code state}: every input (enum order) under every epoch it can arrive under. */
    public static List<Cell> row(MachineDefinition<?, ?> definition, ModelState state) {
        List<Cell> cells = new ArrayList<>();
        for (Input input : Input.values()) {
            for (Epoch epoch : epochsOf(input)) {
                cells.add(new Cell(input, epoch, outcome(definition, state, input, epoch)));
            }
        }
        return cells;
    }
}
