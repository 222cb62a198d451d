package io.tlsmachine.model.export;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the teaching view of one machine and version from its definition: the edges between non-terminal states
 * (the happy paths and their branches), self-loops of the post-handshake states grouped into one box per state,
 * and one note for the alert and close edges (naming the states where they are not declared), the other aborts
 * and the inputs tolerated in place during the handshake. Nothing here names a state.
 */
public final class TeachingView {

    /** The width (characters) at which an edge's output list wraps. */
    private static final int WRAP = 52;

    private TeachingView() {
    }

    /** Returns the teaching view of {@code definition} in {@code scope} as DOT; deterministic. */
    public static String dot(MachineDefinition<?, ?> definition, DiagramScope scope) {
        return TeachingDot.render(of(definition, scope));
    }

    /** Returns the teaching graph of {@code definition} in {@code scope}; deterministic. */
    public static TeachingGraph of(MachineDefinition<?, ?> definition, DiagramScope scope) {
        List<ModelState> states = DiagramEdges.states(definition, scope).stream().filter(s -> !s.terminal()).toList();
        List<Transition<?, ?>> transitions = DiagramEdges.transitions(definition, scope);
        Map<ModelState, List<ModelState>> regions = PostHandshakeLoops.regions(states, transitions);
        Set<ModelState> postHandshake = new LinkedHashSet<>();
        regions.values().forEach(postHandshake::addAll);
        Map<String, Set<List<String>>> edgeLines = new LinkedHashMap<>();
        Map<String, TeachingGraph.Edge> edgeKeys = new LinkedHashMap<>();
        Map<ModelState, List<TeachingGraph.Loop>> loops = new LinkedHashMap<>();
        Map<String, Set<String>> tolerated = new TreeMap<>();
        List<String> aborts = new ArrayList<>();
        for (Transition<?, ?> t : transitions) {
            if (alertOrClose(t.input())) {
                continue;
            }
            if (t.to().terminal()) {
                aborts.add("  " + t.from().name() + ": " + String.join("\n  ", readable(t)));
            } else if (t.from() == t.to() && postHandshake.contains(t.from())) {
                loops.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(new TeachingGraph.Loop(t.epoch(), readable(t)));
            } else if (t.from() == t.to()) {
                tolerated.computeIfAbsent(inputName(t.input()), k -> new LinkedHashSet<>()).add(t.from().name());
            } else {
                String key = t.from().name() + "->" + t.to().name() + "@" + t.epoch();
                edgeKeys.putIfAbsent(key, new TeachingGraph.Edge(t.from(), t.to(), t.epoch(), List.of()));
                edgeLines.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(readable(t));
            }
        }
        List<TeachingGraph.Edge> edges = edgeKeys.entrySet().stream()
                .map(e -> new TeachingGraph.Edge(e.getValue().from(), e.getValue().to(), e.getValue().epoch(),
                        edgeLines.get(e.getKey()).stream().flatMap(List::stream).toList()))
                .sorted(Comparator.<TeachingGraph.Edge>comparingInt(e -> e.from().ordinal())
                        .thenComparingInt(e -> e.to().ordinal()).thenComparing(TeachingGraph.Edge::epoch))
                .toList();
        loops.replaceAll((state, lines) -> List.copyOf(new LinkedHashSet<>(lines)));
        return new TeachingGraph(definition.role() + ", " + scopeTitle(scope), definition.initial(), states, edges,
                PostHandshakeLoops.group(regions, loops),
                regions.entrySet().stream().map(r -> r.getValue().stream().filter(s -> s != r.getKey()).toList())
                        .filter(r -> r.size() > 1).toList(),
                note(states, transitions, tolerated, aborts));
    }

    private static List<List<String>> note(List<ModelState> states, List<Transition<?, ?>> transitions,
            Map<String, Set<String>> tolerated, List<String> aborts) {
        List<List<String>> sections = new ArrayList<>();
        List<String> note = new ArrayList<>();
        sections.add(note);
        note.add("Not drawn (in every state that reads records):");
        note.add("  fatal alert -> FAILED, close_notify -> CLOSED,");
        note.add("  warning alert ignored; close (local) -> CLOSED");
        List<String> without = states.stream()
                .filter(s -> transitions.stream().noneMatch(t -> t.from() == s && t.input() == Input.ALERT_FATAL))
                .map(ModelState::name).toList();
        if (!without.isEmpty()) {
            wrap(note, "  except ", without, " (read no records)");
        }
        List<String> closable = states.stream()
                .filter(s -> transitions.stream().anyMatch(t -> t.from() == s && t.input() == Input.CLOSE))
                .map(ModelState::name).toList();
        if (!closable.isEmpty()) {
            wrap(note, "  close (local) only from ", closable, "");
        }
        if (!aborts.isEmpty()) {
            note = new ArrayList<>();
            sections.add(note);
            note.add("Aborts (-> FAILED, alert sent):");
            aborts.stream().distinct().flatMap(a -> a.lines()).forEach(note::add);
        }
        if (!tolerated.isEmpty()) {
            List<String> handled = new ArrayList<>();
            sections.add(handled);
            handled.add("Handled without a state change:");
            tolerated.forEach((input, in) -> wrap(handled, "  " + input + ": ", List.copyOf(in), ""));
        }
        return sections.stream().map(List::copyOf).toList();
    }

    /** Adds {@code head}, the names and {@code tail} to the note, continuing on indented lines past {@link #WRAP}. */
    private static void wrap(List<String> note, String head, List<String> names, String tail) {
        StringBuilder line = new StringBuilder(head);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) + (i < names.size() - 1 ? "," : tail);
            if (line.length() + name.length() > WRAP + 16 && line.length() > head.length()) {
                note.add(line.toString().stripTrailing());
                line.setLength(0);
                line.append("    ");
            }
            line.append(name).append(' ');
        }
        note.add(line.toString().stripTrailing());
    }

    private static boolean alertOrClose(Input input) {
        return input == Input.ALERT_FATAL || input == Input.ALERT_WARNING || input == Input.ALERT_CLOSE_NOTIFY
                || input == Input.CLOSE;
    }

    /** Returns {@code ServerHello [TLS 1.3]} then the outputs ({@code → ClientHello, ChangeCipherSpec [middlebox]}), wrapped. */
    static List<String> readable(Transition<?, ?> t) {
        List<String> lines = new ArrayList<>();
        lines.add(inputName(t.input()) + GuardLabels.bracketed(t.guard()));
        StringBuilder wrapped = new StringBuilder();
        for (String output : t.outputs().stream().map(TeachingView::outputName).distinct().toList()) {
            if (wrapped.length() > 0 && wrapped.length() + output.length() > WRAP) {
                lines.add(wrapped.toString());
                wrapped.setLength(0);
            }
            wrapped.append(wrapped.length() == 0 ? "  \u2192 " : ", ").append(output);
        }
        if (wrapped.length() > 0) {
            lines.add(wrapped.toString());
        }
        return List.copyOf(lines);
    }

    private static String outputName(Output o) {
        return o.message().label() + GuardLabels.bracketed(o.guard());
    }

    /** Returns the RFC name of the message received as {@code input}, or the local command in words. */
    static String inputName(Input input) {
        if (input.local()) {
            return input.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        for (Message m : Message.values()) {
            if (m.receivedAs() == input) {
                return m.label();
            }
        }
        return Arrays.stream(input.name().split("_"))
                .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT)).collect(Collectors.joining());
    }

    private static String scopeTitle(DiagramScope scope) {
        return switch (scope) {
            case ALL -> "TLS 1.3 and 1.2";
            case TLS13 -> "TLS 1.3";
            case TLS12 -> "TLS 1.2";
        };
    }

    /** Returns the legend's words for an epoch. */
    static String epochTitle(Epoch epoch) {
        return switch (epoch) {
            case PLAINTEXT -> "plaintext";
            case EARLY -> "early data keys";
            case HANDSHAKE -> "handshake keys";
            case APPLICATION -> "application keys";
            case LOCAL -> "local command or decision";
        };
    }
}
