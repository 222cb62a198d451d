package io.tlsmachine.verification.checker;

import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.verification.model.Machines;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Explores client × server × network breadth-first, completely, for every facts combination of the chosen versions,
 * and checks every {@link ComposedProperties property} on every reachable move plus the liveness property P22.
 *
 * <p><b>Facts.</b> One exploration runs under one facts combination of {@link Negotiated#all()}: the facts the
 * honest messages carry (ServerHello carries the version and key exchange, CertificateRequest the client-auth
 * request, and so on: DISCREPANCIES D5). Both sides read the same facts, which is what they establish when the
 * messages arrive intact; a message the adversary injects is read under the run's facts too, and since every
 * combination is a run of its own, an injection that carries other facts is explored in the run of those facts.
 * Mixed facts within one run (one side believing TLS 1.3, the other TLS 1.2) are not explored here; the single
 * machine path properties P1-P15 cover every input under every combination in every reachable state.
 *
 * <p><b>P22 (no stuck run).</b> A state is quiescent when no honest move (delivery, decision, local command) is
 * possible. A quiescent state must be terminal (a side CLOSED or FAILED: the other sees the transport close) or
 * have both sides connected, unless the network dropped a message on the way (then the engine's timeout ends the
 * run). Every run must moreover reach, over the reliable network (explored first, whatever the adversary), a state
 * with both sides connected and nothing in flight, or, with the downgrade sentinel, a state in which the client has
 * FAILED.
 */
public final class ComposedChecker {

    private ComposedChecker() {
    }

    /** Explores every facts combination of {@code versions} under {@code adversary}; checks the selected properties. */
    public static CheckResult check(Machines machines, Adversary adversary, Set<ProtocolVersion> versions,
            Predicate<String> selected) {
        return check(machines, adversary, (Predicate<Negotiated>) f -> versions.contains(f.version()), selected);
    }

    /** Explores the facts combinations {@code which} accepts (a focused run, e.g. for one mutant's facts). */
    public static CheckResult check(Machines machines, Adversary adversary, Predicate<Negotiated> which,
            Predicate<String> selected) {
        long start = System.nanoTime();
        Map<String, Found> found = new TreeMap<>();
        List<ComposedProperty> properties = ComposedProperties.all().stream().filter(p -> selected.test(p.id())).toList();
        boolean liveness = selected.test(ComposedProperties.LIVENESS);
        int runs = 0;
        long states = 0;
        long transitions = 0;
        long connected = 0;
        int depth = 0;
        List<Run> done = Negotiated.all().parallelStream().filter(which)
                .map(facts -> {
                    Run run = new Run(machines, facts, adversary, properties, liveness, found);
                    run.explore();
                    return run;
                }).toList();
        for (Run run : done) {
            runs++;
            states += run.states;
            transitions += run.transitions;
            connected += run.connected;
            depth = Math.max(depth, run.depth);
        }
        Map<String, String> violations = new TreeMap<>();
        found.forEach((id, f) -> violations.put(id, f.text));
        return new CheckResult(adversary, runs, states, transitions, depth, connected,
                (System.nanoTime() - start) / 1_000_000, violations);
    }

    /** Keeps the shortest counterexample of one property. */
    private record Found(int length, String text) {
    }

    private record Parent(ComposedState previous, Move move) {
    }

    /** One complete breadth-first exploration under one facts combination. */
    private static final class Run {
        final Moves moves;
        final Negotiated facts;
        final Adversary adversary;
        final List<ComposedProperty> properties;
        final boolean liveness;
        final Map<String, Found> found;
        final Map<ComposedState, Parent> parents = new HashMap<>();
        long states;
        long transitions;
        long connected;
        int depth;
        boolean reachedGoal;
        boolean goalChecked;
        final Machines machines;

        Run(Machines machines, Negotiated facts, Adversary adversary, List<ComposedProperty> properties,
                boolean liveness, Map<String, Found> found) {
            this.machines = machines;
            this.moves = new Moves(machines, facts, adversary);
            this.facts = facts;
            this.adversary = adversary;
            this.properties = properties;
            this.liveness = liveness;
            this.found = found;
        }

        void explore() {
            try {
                exploreAll();
            } catch (IllegalStateException e) {
                // An honest flight larger than the in-flight bound: the space was not explored completely.
                report("BOUND", 0, () -> "BOUND exceeded, exploration incomplete: " + e.getMessage() + "\n    facts: " + facts);
            }
        }

        private void exploreAll() {
            if (liveness && !adversary.equals(Adversary.NONE)) {
                // P22's reachability half is about the reliable network (a reordering network may repair a broken
                // model); the no-stuck half is checked below under this network.
                Run reliable = new Run(machines, facts, Adversary.NONE, List.of(), true, found);
                reliable.exploreAll();
                goalChecked = true;
            }
            ComposedState initial = moves.initial();
            parents.put(initial, new Parent(null, null));
            List<ComposedState> layer = List.of(initial);
            for (int d = 0; !layer.isEmpty(); d++) {
                depth = d;
                List<ComposedState> nextLayer = new ArrayList<>();
                for (ComposedState s : layer) {
                    visit(s, d, nextLayer);
                }
                layer = nextLayer;
            }
            states = parents.size();
            parents.clear();
            if (liveness && !goalChecked && !reachedGoal) {
                report(ComposedProperties.LIVENESS, Integer.MAX_VALUE, () -> "P22 violated: the run never "
                        + (facts.downgradeDetected() ? "ends with the client FAILED" : "reaches both sides connected")
                        + "\n    facts: " + facts);
            }
        }

        private void visit(ComposedState s, int d, List<ComposedState> nextLayer) {
            if (moves.bothConnected(s)) {
                connected++;
            }
            reachedGoal |= goal(s);
            List<Move> next = moves.from(s);
            transitions += next.size();
            if (liveness && !moves.terminal(s) && !moves.bothConnected(s) && s.drops() == 0
                    && next.stream().noneMatch(Move::honest)) {
                report(ComposedProperties.LIVENESS, d,
                        trace(s, null, "P22 violated: stuck, no honest move, not terminal, not both connected"));
            }
            for (Move move : next) {
                for (ComposedProperty p : properties) {
                    String why = p.check().violation(facts, moves, s, move);
                    if (why != null) {
                        report(p.id(), d + 1, trace(s, move, p.id() + " violated: " + why));
                    }
                }
                if (parents.putIfAbsent(move.next(), new Parent(s, move)) == null) {
                    nextLayer.add(move.next());
                }
            }
        }

        private boolean goal(ComposedState s) {
            if (facts.downgradeDetected()) {
                return moves.client.state(s.client().state()).name().equals("FAILED");
            }
            return moves.bothConnected(s) && s.toClient().isEmpty() && s.toServer().isEmpty();
        }

        private void report(String id, int length, java.util.function.Supplier<String> text) {
            synchronized (found) {
                Found old = found.get(id);
                if (old == null || length < old.length) {
                    found.put(id, new Found(length, text.get()));
                } else if (length == old.length) {
                    String candidate = text.get();
                    if (candidate.compareTo(old.text) < 0) {
                        found.put(id, new Found(length, candidate));
                    }
                }
            }
        }

        /** Prints the shortest path to {@code last} (then {@code move}): each move with both sides and the network. */
        private java.util.function.Supplier<String> trace(ComposedState last, Move move, String reason) {
            return () -> {
                List<String> lines = new ArrayList<>();
                if (move != null) {
                    lines.add(line(move.label(), move.next()));
                }
                ComposedState s = last;
                while (true) {
                    Parent p = parents.get(s);
                    if (p.previous() == null) {
                        break;
                    }
                    lines.add(line(p.move().label(), s));
                    s = p.previous();
                }
                Collections.reverse(lines);
                StringBuilder out = new StringBuilder(reason).append("\n    facts: ").append(facts)
                        .append("\n    adversary: ").append(adversary).append("\n    0. ").append(describe(moves.initial()));
                for (int i = 0; i < lines.size(); i++) {
                    out.append("\n    ").append(i + 1).append(". ").append(lines.get(i));
                }
                return out.toString();
            };
        }

        private String line(String label, ComposedState after) {
            return label + "\n         => " + describe(after);
        }

        private String describe(ComposedState s) {
            return "client " + moves.client.state(s.client().state()).name() + ", server "
                    + moves.server.state(s.server().state()).name() + "; C->S " + s.toServer() + ", S->C " + s.toClient();
        }
    }
}
