package io.tlsmachine.model.export;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.VersionRegion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exports a machine as Graphviz DOT, the full view: one node per state, one cluster per version region (CLOSED and
 * FAILED once, on the bottom row), one edge per (source, target) pair whose label lists its transitions as
 * {@code INPUT@epoch [guard] / outputs}, one per line, and each state's self-loops listed in one box beside it.
 */
public final class DotExporter {

    private DotExporter() {
    }

    /** Returns the DOT text for the states and transitions in {@code scope}; the same input always gives the same text. */
    public static String export(MachineDefinition<?, ?> definition, DiagramScope scope) {
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(definition.role()).append(" {\n");
        out.append("  label=\"").append(definition.role()).append(" machine (").append(scope.name().toLowerCase(Locale.ROOT))
                .append(")\";\n  labelloc=t;\n  rankdir=TB;\n");
        out.append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        out.append("  __start [shape=point];\n");
        List<ModelState> states = DiagramEdges.states(definition, scope);
        for (VersionRegion region : VersionRegion.values()) {
            List<ModelState> inRegion = states.stream().filter(s -> s.region() == region && !s.terminal()).toList();
            if (inRegion.isEmpty()) {
                continue;
            }
            out.append("  subgraph cluster_").append(region.name()).append(" {\n");
            out.append("    label=\"").append(regionTitle(region)).append("\";\n");
            for (ModelState s : inRegion) {
                out.append("    ").append(s.name()).append(";\n");
            }
            out.append("  }\n");
        }
        // CLOSED and FAILED drawn once, outside the regions, on the bottom row.
        out.append("  { rank=sink;");
        states.stream().filter(ModelState::terminal).forEach(s -> out.append(' ').append(s.name()).append(" [peripheries=2];"));
        out.append(" }\n");
        out.append("  { rank=source; __start; }\n");
        out.append("  __start -> ").append(definition.initial().name()).append(";\n");
        Map<String, List<String>> labelsByEdge = new LinkedHashMap<>();
        Map<String, List<String>> selfLoops = new LinkedHashMap<>();
        for (Transition<?, ?> t : DiagramEdges.transitions(definition, scope)) {
            if (t.from() == t.to()) {
                selfLoops.computeIfAbsent(t.from().name(), k -> new ArrayList<>()).add(t.label());
            } else {
                labelsByEdge.computeIfAbsent(t.from().name() + " -> " + t.to().name(), k -> new ArrayList<>()).add(t.label());
            }
        }
        labelsByEdge.forEach((edge, labels) -> out.append("  ").append(edge).append(" [label=\"")
                .append(escape(String.join("\n", labels))).append("\"];\n"));
        // Self-loops grouped into one box beside their state, so they neither stack on one arc nor widen the ranks.
        selfLoops.forEach((state, labels) -> {
            out.append("  ").append(state).append("__self [shape=note, style=\"\", fontsize=9, label=\"")
                    .append(escape("in " + state + " (self-loops):\n" + String.join("\n", labels))).append("\"];\n");
            out.append("  ").append(state).append(" -> ").append(state)
                    .append("__self [style=dashed, arrowhead=none, color=\"#999999\"];\n");
            out.append("  { rank=same; ").append(state).append("; ").append(state).append("__self; }\n");
        });
        out.append("}\n");
        return out.toString();
    }

    static String regionTitle(VersionRegion region) {
        return switch (region) {
            case COMMON -> "common";
            case TLS13 -> "TLS 1.3";
            case TLS12 -> "TLS 1.2";
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\l") + "\\l";
    }
}
