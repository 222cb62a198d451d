package io.tlsmachine.model.export;

import io.tlsmachine.model.Guard;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import java.util.stream.Collectors;

/**
 * Exports a machine's transitions as a tab-separated table in the format of {@code specs/machines/*.tsv}
 * ({@code from input epoch guard to outputs rfc}), sorted, so that model and spec tables can be diffed.
 */
public final class TableExporter {

    /** The header line of the table. */
    public static final String HEADER = "from\tinput\tepoch\tguard\tto\toutputs\trfc";

    private TableExporter() {
    }

    /** Returns the table for the transitions in {@code scope}: a header line then one sorted row per transition. */
    public static String export(MachineDefinition<?, ?> definition, DiagramScope scope) {
        StringBuilder out = new StringBuilder("# ").append(definition.role())
                .append(" machine, exported from the model\n").append(HEADER).append('\n');
        DiagramEdges.transitions(definition, scope).stream().map(TableExporter::row).sorted()
                .forEach(row -> out.append(row).append('\n'));
        return out.toString();
    }

    /** Returns one transition as a table row (without line end). */
    public static String row(Transition<?, ?> t) {
        String outputs = t.outputs().isEmpty() ? "-"
                : t.outputs().stream().map(TableExporter::output).collect(Collectors.joining(", "));
        return String.join("\t", t.from().name(), t.input().name(), t.epoch().name(), t.guard().label(), t.to().name(),
                outputs, t.rfc());
    }

    private static String output(Output o) {
        String base = o.message().label() + "@" + o.epoch().label();
        return o.guard() == Guard.ALWAYS ? base : base + "[" + o.guard().label() + "]";
    }
}
