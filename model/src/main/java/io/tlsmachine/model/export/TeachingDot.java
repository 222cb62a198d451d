package io.tlsmachine.model.export;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.ModelState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link TeachingGraph} as Graphviz DOT for a slide: top-down, the epoch an input arrives under shown by
 * the edge's colour and style (with a legend), short guard labels, one box for a post-handshake region's self-loops
 * and one note for what is folded.
 */
public final class TeachingDot {

    /** The smallest font size used (points); {@code TeachingViewTest} checks it stays legible on a slide. */
    static final int SMALL = 13;

    private TeachingDot() {
    }

    /** Returns the DOT text of {@code graph}; the same graph always gives the same text. */
    public static String render(TeachingGraph graph) {
        StringBuilder out = new StringBuilder();
        out.append("digraph teaching {\n");
        out.append("  label=\"").append(graph.title()).append(": teaching view\";\n  labelloc=t;\n  fontsize=20;\n");
        out.append("  rankdir=TB;\n  nodesep=0.3;\n  ranksep=0.25;\n");
        out.append("  fontname=\"Helvetica\";\n");
        out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f4f4f4\", fontname=\"Helvetica\", fontsize=16];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=" + SMALL + "];\n");
        out.append("  __start [shape=point, width=0.15];\n");
        for (ModelState s : graph.states()) {
            out.append("  ").append(s.name()).append(s.connected() ? " [penwidth=2.5]" : "").append(";\n");
        }
        out.append("  __start -> ").append(graph.initial().name()).append(";\n");
        Set<Epoch> used = EnumSet.noneOf(Epoch.class);
        for (TeachingGraph.Edge e : graph.edges()) {
            used.add(e.epoch());
            out.append("  ").append(e.from().name()).append(" -> ").append(e.to().name()).append(" [")
                    .append(style(e.epoch())).append(", label=\"").append(lines(e.lines())).append("\"];\n");
        }
        for (Map.Entry<ModelState, List<TeachingGraph.LoopGroup>> box : graph.loops().entrySet()) {
            String name = box.getKey().name() + "__loops";
            out.append("  ").append(name).append(" [shape=plain, style=\"\", label=<")
                    .append("<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\" STYLE=\"rounded\">");
            out.append("<TR>");
            for (TeachingGraph.LoopGroup group : box.getValue()) {
                out.append("<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" VALIGN=\"TOP\"><B>").append(html(group.heading())).append("</B>");
                for (TeachingGraph.Loop loop : group.loops()) {
                    used.add(loop.epoch());
                    for (String line : loop.lines()) {
                        out.append("<BR/><FONT POINT-SIZE=\"").append(SMALL).append("\" COLOR=\"")
                                .append(colour(loop.epoch())).append("\">").append(html(line)).append("</FONT>");
                    }
                }
                out.append("</TD>");
            }
            out.append("</TR>");
            out.append("</TABLE>>];\n");
            out.append("  ").append(box.getKey().name()).append(" -> ").append(name)
                    .append(" [style=dashed, arrowhead=none, color=\"#999999\"];\n");
            out.append("  { rank=same; ").append(box.getKey().name()).append("; ").append(name).append("; }\n");
        }
        for (List<ModelState> row : graph.postHandshakeRows()) {
            out.append("  { rank=same;");
            row.forEach(s -> out.append(' ').append(s.name()).append(';'));
            out.append(" }\n");
        }
        for (int i = 0; i < graph.note().size(); i++) {
            out.append("  __note").append(i).append(" [shape=note, style=\"\", fontsize=" + SMALL + ", label=\"")
                    .append(lines(graph.note().get(i))).append("\"];\n");
            out.append("  ").append(i == 0 ? "__legend" : "__note" + (i - 1)).append(" -> __note").append(i)
                    .append(" [style=invis];\n");
        }
        out.append("  __legend [shape=plain, style=\"\", label=<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\">")
                .append("<TR><TD ALIGN=\"LEFT\"><B>input arrives under</B></TD></TR>");
        for (Epoch epoch : used) {
            out.append("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"").append(SMALL).append("\" COLOR=\"").append(colour(epoch)).append("\">")
                    .append(dash(epoch)).append(" ").append(TeachingView.epochTitle(epoch)).append("</FONT></TD></TR>");
        }
        out.append("</TABLE>>];\n");
        out.append("  { rank=same; ").append(graph.initial().name()).append("; __legend; }\n");
        out.append("}\n");
        return out.toString();
    }

    /** Returns the DOT attributes that show {@code epoch}. */
    static String style(Epoch epoch) {
        String line = switch (epoch) {
            case PLAINTEXT -> "solid";
            case EARLY -> "dashed";
            case HANDSHAKE, APPLICATION -> "bold";
            case LOCAL -> "dotted";
        };
        return "color=\"" + colour(epoch) + "\", fontcolor=\"" + colour(epoch) + "\", style=" + line;
    }

    /** Returns the style in words, for formats without a drawn legend: {@code bold blue}. */
    static String styleName(Epoch epoch) {
        return switch (epoch) {
            case PLAINTEXT -> "solid black";
            case EARLY -> "dashed orange";
            case HANDSHAKE -> "bold blue";
            case APPLICATION -> "bold green";
            case LOCAL -> "dotted grey";
        };
    }

    /** Returns the colour of {@code epoch}: black, orange, blue, green, grey. */
    static String colour(Epoch epoch) {
        return switch (epoch) {
            case PLAINTEXT -> "#000000";
            case EARLY -> "#d95f02";
            case HANDSHAKE -> "#1f5fa8";
            case APPLICATION -> "#2a8a2a";
            case LOCAL -> "#666666";
        };
    }

    private static String dash(Epoch epoch) {
        return switch (epoch) {
            case PLAINTEXT -> "────";
            case EARLY -> "- - - -";
            case HANDSHAKE, APPLICATION -> "━━━━";
            case LOCAL -> "· · · · ·";
        };
    }

    private static String lines(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line.replace("\\", "\\\\").replace("\"", "\\\"")).append("\\l");
        }
        return sb.toString();
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<BR/>");
    }
}
