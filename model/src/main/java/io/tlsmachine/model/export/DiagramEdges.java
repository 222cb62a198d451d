package io.tlsmachine.model.export;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Transition;
import java.util.Comparator;
import java.util.List;

/** Selects and orders what a diagram shows, so that every exporter's output is deterministic. */
final class DiagramEdges {

    private DiagramEdges() {
    }

    /** Returns the states in scope, in enum order. */
    static List<ModelState> states(MachineDefinition<?, ?> definition, DiagramScope scope) {
        return definition.states().stream().map(s -> (ModelState) s).filter(scope::includes).toList();
    }

    /** Returns the transitions whose both ends are in scope, sorted by source, target, then label. */
    static List<Transition<?, ?>> transitions(MachineDefinition<?, ?> definition, DiagramScope scope) {
        return definition.transitions().stream()
                .filter(t -> scope.includes(t.from()) && scope.includes(t.to()))
                .<Transition<?, ?>>map(t -> t)
                .sorted(Comparator.<Transition<?, ?>>comparingInt(t -> t.from().ordinal())
                        .thenComparingInt(t -> t.to().ordinal())
                        .thenComparing(Transition::label))
                .toList();
    }
}
