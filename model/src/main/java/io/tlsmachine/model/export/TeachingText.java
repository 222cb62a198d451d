package io.tlsmachine.model.export;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.ModelState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link TeachingGraph} as a Mermaid flowchart (top-down; thick, dotted or dashed links coloured by epoch
 * through {@code linkStyle}) or as a PlantUML state diagram (arrows coloured and styled by epoch), each with a legend
 * and the folded edges' note.
 */
public final class TeachingText {

    private TeachingText() {
    }

    /** Returns the Mermaid text of {@code graph}; deterministic. */
    public static String mermaid(TeachingGraph graph) {
        StringBuilder out = new StringBuilder("---\ntitle: ").append(graph.title()).append(": teaching view\n---\n");
        out.append("flowchart TB\n  __start(( )) --> ").append(graph.initial().name()).append('\n');
        graph.states().forEach(s -> out.append("  ").append(s.name()).append("(\"").append(s.name()).append("\")\n"));
        List<Epoch> linkEpochs = new ArrayList<>();
        linkEpochs.add(Epoch.PLAINTEXT);
        for (TeachingGraph.Edge e : graph.edges()) {
            String arrow = switch (e.epoch()) {
                case HANDSHAKE, APPLICATION -> "==>";
                case LOCAL, EARLY -> "-.->";
                case PLAINTEXT -> "-->";
            };
            out.append("  ").append(e.from().name()).append(' ').append(arrow).append("|\"")
                    .append(mermaidText(String.join("\n", e.lines()))).append("\"| ").append(e.to().name()).append('\n');
            linkEpochs.add(e.epoch());
        }
        for (Map.Entry<ModelState, List<TeachingGraph.LoopGroup>> box : graph.loops().entrySet()) {
            out.append("  ").append(box.getKey().name()).append("__loops[\"").append(mermaidText(loopText(box.getValue())))
                    .append("\"]\n  ").append(box.getKey().name()).append(" --- ").append(box.getKey().name()).append("__loops\n");
            linkEpochs.add(Epoch.LOCAL);
        }
        out.append("  __note[\"").append(mermaidText(noteText(graph))).append("\"]\n");
        out.append("  __legend[\"").append(mermaidText(legendText(graph))).append("\"]\n");
        for (int i = 0; i < linkEpochs.size(); i++) {
            out.append("  linkStyle ").append(i).append(" stroke:").append(TeachingDot.colour(linkEpochs.get(i))).append('\n');
        }
        return out.toString();
    }

    /** Returns the PlantUML text of {@code graph}; deterministic. */
    public static String plantUml(TeachingGraph graph) {
        StringBuilder out = new StringBuilder("@startuml\ntitle ").append(graph.title()).append(": teaching view\n");
        out.append("hide empty description\n");
        graph.states().forEach(s -> out.append("state ").append(s.name()).append('\n'));
        out.append("[*] --> ").append(graph.initial().name()).append('\n');
        for (TeachingGraph.Edge e : graph.edges()) {
            String style = switch (e.epoch()) {
                case HANDSHAKE, APPLICATION -> ",bold";
                case LOCAL -> ",dotted";
                case EARLY -> ",dashed";
                case PLAINTEXT -> "";
            };
            out.append(e.from().name()).append(" -[").append(TeachingDot.colour(e.epoch())).append(style).append("]-> ")
                    .append(e.to().name()).append(" : ").append(PlantUmlExporter.label(String.join("\n", e.lines())))
                    .append('\n');
        }
        for (Map.Entry<ModelState, List<TeachingGraph.LoopGroup>> box : graph.loops().entrySet()) {
            out.append("note right of ").append(box.getKey().name()).append('\n').append(loopText(box.getValue()))
                    .append("\nend note\n");
        }
        out.append("legend right\n").append(legendText(graph)).append("\n\n").append(noteText(graph)).append("\nendlegend\n");
        out.append("@enduml\n");
        return out.toString();
    }

    private static String loopText(List<TeachingGraph.LoopGroup> groups) {
        List<String> lines = new ArrayList<>();
        for (TeachingGraph.LoopGroup group : groups) {
            lines.add(group.heading().replace("\n", " ") + ":");
            group.loops().forEach(l -> l.lines().forEach(line -> lines.add("  " + line + "  (" + l.epoch().label() + ")")));
        }
        return String.join("\n", lines);
    }

    private static String noteText(TeachingGraph graph) {
        List<String> lines = new ArrayList<>();
        graph.note().forEach(lines::addAll);
        return String.join("\n", lines);
    }

    private static String legendText(TeachingGraph graph) {
        Set<Epoch> used = EnumSet.noneOf(Epoch.class);
        graph.edges().forEach(e -> used.add(e.epoch()));
        List<String> lines = new ArrayList<>(List.of("input arrives under:"));
        used.forEach(e -> lines.add("  " + TeachingDot.styleName(e) + ": " + TeachingView.epochTitle(e)));
        return String.join("\n", lines);
    }

    private static String mermaidText(String text) {
        return text.replace("\"", "#quot;").replace("\n", "<br/>").replace("\u2192", "#8594;");
    }
}
