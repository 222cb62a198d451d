package io.tlsmachine.verification.model;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/**
 * Explores a definition breadth-first under fixed facts (only transitions whose guard holds and whose target's
 * version region admits the facts; local inputs included) in product with a {@link Monitor}, and returns the
 * shortest path to a violation.
 */
public final class PathSearch {

    private PathSearch() {
    }

    private record Node(int state, int memory) {
    }

    private record Parent(Node node, Transition<?, ?> via) {
    }

    /** Returns a shortest counterexample for these facts, or empty when the property holds. */
    public static <S extends Enum<S> & ModelState, P> Optional<Counterexample> search(MachineDefinition<S, P> definition,
            Negotiated facts, Monitor monitor) {
        List<List<Transition<S, P>>> bySource = new ArrayList<>();
        for (int i = 0; i < definition.states().size(); i++) {
            bySource.add(new ArrayList<>());
        }
        for (Transition<S, P> t : definition.transitions()) {
            // A state's version region admits only the facts of its version: paths into it under other facts are infeasible.
            if (t.guard().test(facts) && t.to().region().admits(facts)) {
                bySource.get(t.from().ordinal()).add(t);
            }
        }
        Node start = new Node(definition.initial().ordinal(), monitor.initial());
        Map<Node, Parent> parents = new HashMap<>();
        parents.put(start, null);
        ArrayDeque<Node> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            for (Transition<S, P> t : bySource.get(node.state())) {
                String reason = monitor.violation(node.memory(), t, facts);
                if (reason != null) {
                    List<String> path = pathTo(parents, node);
                    path.add(describe(t) + "   <-- violates");
                    return Optional.of(new Counterexample(definition.role(), facts, path, reason));
                }
                Node next = new Node(t.to().ordinal(), monitor.next(node.memory(), t, facts));
                if (!parents.containsKey(next)) {
                    parents.put(next, new Parent(node, t));
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }

    /** Runs the search for every facts combination and returns the first counterexample found. */
    public static <S extends Enum<S> & ModelState, P> Optional<Counterexample> searchAll(MachineDefinition<S, P> definition,
            Monitor monitor) {
        for (Negotiated facts : Negotiated.all()) {
            Optional<Counterexample> found = search(definition, facts, monitor);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Returns the transitions reachable from the initial state under {@code facts} (guards holding, regions admitting). */
    public static <S extends Enum<S> & ModelState, P> Set<Transition<S, P>> reachableTransitions(
            MachineDefinition<S, P> definition, Negotiated facts) {
        Set<S> seen = new HashSet<>(List.of(definition.initial()));
        ArrayDeque<S> queue = new ArrayDeque<>(List.of(definition.initial()));
        Set<Transition<S, P>> result = new HashSet<>();
        while (!queue.isEmpty()) {
            S s = queue.poll();
            for (Transition<S, P> t : definition.transitionsFrom(s)) {
                if (t.guard().test(facts) && t.to().region().admits(facts)) {
                    result.add(t);
                    if (seen.add(t.to())) {
                        queue.add(t.to());
                    }
                }
            }
        }
        return result;
    }

    /** Returns the one-line description of a transition used in counterexamples. */
    public static String describe(Transition<?, ?> t) {
        return t.from().name() + " --" + t.label() + "--> " + t.to().name();
    }

    private static List<String> pathTo(Map<Node, Parent> parents, Node node) {
        List<String> path = new ArrayList<>();
        Parent p = parents.get(node);
        while (p != null) {
            path.add(describe(p.via()));
            p = parents.get(p.node());
        }
        Collections.reverse(path);
        return path;
    }
}
