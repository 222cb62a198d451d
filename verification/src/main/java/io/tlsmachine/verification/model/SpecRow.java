package io.tlsmachine.verification.model;

import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Holds one row of a spec table ({@code specs/machines/<role>.tsv}): a transition written with names only, so that
 * hand-written rows and rows rendered from the model compare as plain values.
 *
 * @param from source state name
 * @param input input enum name
 * @param epoch epoch enum name
 * @param guard guard label (camelCase)
 * @param to target state name
 * @param outputs output labels {@code Message@epoch} or {@code Message@epoch[guard]}, in order
 * @param rfc the RFC sections cited (informative; not part of {@link #key()})
 */
public record SpecRow(String from, String input, String epoch, String guard, String to, List<String> outputs, String rfc) {

    public SpecRow {
        outputs = List.copyOf(outputs);
    }

    /** Renders a model transition as a row. */
    public static SpecRow of(Transition<?, ?> t) {
        return new SpecRow(t.from().name(), t.input().name(), t.epoch().name(), t.guard().label(), t.to().name(),
                t.outputs().stream().map(SpecRow::outputLabel).toList(), t.rfc());
    }

    /** Returns the spec-table label of an output: {@code Message@epoch} or {@code Message@epoch[guard]}. */
    public static String outputLabel(Output o) {
        String base = o.message().label() + "@" + o.epoch().label();
        return o.guard().label().equals("always") ? base : base + "[" + o.guard().label() + "]";
    }

    /** Returns the compared part of the row: everything but the RFC reference, tab-separated. */
    public String key() {
        return String.join("\t", from, input, epoch, guard, to, outputsCell());
    }

    /** Returns the outputs column as written in the table ({@code -} when empty). */
    public String outputsCell() {
        return outputs.isEmpty() ? "-" : outputs.stream().collect(Collectors.joining(", "));
    }

    /** Returns the row as one TSV line. */
    public String toTsv() {
        return key() + "\t" + rfc;
    }
}
