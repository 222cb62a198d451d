package io.tlsmachine.model.export;

import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Groups the self-loops of each connected state's post-handshake region (the states reachable from it without
 * passing a terminal state) into one box: the loops every state of the region has, then what some states add.
 */
final class PostHandshakeLoops {

    private PostHandshakeLoops() {
    }

    /**
     * Returns, for each connected state not reachable from an earlier one, the states of its post-handshake region
     * in enum order.
     */
    static Map<ModelState, List<ModelState>> regions(List<ModelState> states, List<Transition<?, ?>> transitions) {
        Map<ModelState, List<ModelState>> regions = new LinkedHashMap<>();
        Set<ModelState> covered = new LinkedHashSet<>();
        for (ModelState connected : states.stream().filter(ModelState::connected).toList()) {
            if (covered.contains(connected)) {
                continue;
            }
            Set<ModelState> reached = new LinkedHashSet<>();
            Deque<ModelState> queue = new ArrayDeque<>(List.of(connected));
            while (!queue.isEmpty()) {
                ModelState s = queue.poll();
                if (reached.add(s)) {
                    transitions.stream().filter(t -> t.from() == s && !t.to().terminal()).forEach(t -> queue.add(t.to()));
                }
            }
            covered.addAll(reached);
            regions.put(connected, reached.stream().sorted(java.util.Comparator.comparingInt(ModelState::ordinal)).toList());
        }
        return regions;
    }

    /** Groups {@code loops} (each state's self-loops, in order) by region, common loops first. */
    static Map<ModelState, List<TeachingGraph.LoopGroup>> group(Map<ModelState, List<ModelState>> regions,
            Map<ModelState, List<TeachingGraph.Loop>> loops) {
        Map<ModelState, List<TeachingGraph.LoopGroup>> boxes = new LinkedHashMap<>();
        regions.forEach((connected, region) -> {
            List<ModelState> looping = region.stream().filter(loops::containsKey).toList();
            if (looping.isEmpty()) {
                return;
            }
            List<TeachingGraph.LoopGroup> groups = new ArrayList<>();
            if (looping.size() == 1) {
                groups.add(new TeachingGraph.LoopGroup("post-handshake (" + connected.name() + ")", loops.get(connected)));
                boxes.put(connected, groups);
                return;
            }
            List<TeachingGraph.Loop> common = new ArrayList<>(loops.get(looping.get(0)));
            looping.forEach(s -> common.retainAll(loops.get(s)));
            groups.add(new TeachingGraph.LoopGroup("post-handshake, in " + names(looping).replace(", ", ",\n"), common));
            Map<List<TeachingGraph.Loop>, List<ModelState>> byRest = new LinkedHashMap<>();
            for (ModelState s : looping) {
                List<TeachingGraph.Loop> rest = new ArrayList<>(loops.get(s));
                rest.removeAll(common);
                if (!rest.isEmpty()) {
                    byRest.computeIfAbsent(rest, k -> new ArrayList<>()).add(s);
                }
            }
            byRest.forEach((rest, in) -> groups.add(new TeachingGraph.LoopGroup("also in " + names(in), rest)));
            boxes.put(connected, groups);
        });
        return boxes;
    }

    private static String names(List<ModelState> states) {
        return states.stream().map(ModelState::name).collect(Collectors.joining(", "));
    }
}
