package io.tlsmachine.model.export;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Transition;

/**
 * Exports a machine as a Mermaid {@code stateDiagram-v2}: one line per transition labelled
 * {@code INPUT@epoch [guard] / outputs}; terminal states lead to {@code [*]}.
 */
public final class MermaidExporter {

    private MermaidExporter() {
    }

    /** Returns the Mermaid text for the states and transitions in {@code scope}; deterministic. */
    public static String export(MachineDefinition<?, ?> definition, DiagramScope scope) {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        out.append("  %% ").append(definition.role()).append(" machine, scope ").append(scope.name()).append('\n');
        for (ModelState s : DiagramEdges.states(definition, scope)) {
            out.append("  state \"").append(s.name()).append(" (").append(DotExporter.regionTitle(s.region()))
                    .append(")\" as ").append(s.name()).append('\n');
        }
        out.append("  [*] --> ").append(definition.initial().name()).append('\n');
        for (Transition<?, ?> t : DiagramEdges.transitions(definition, scope)) {
            out.append("  ").append(t.from().name()).append(" --> ").append(t.to().name()).append(" : ")
                    .append(t.label().replace(";", ",").replace(":", " ")).append('\n');
        }
        for (ModelState s : DiagramEdges.states(definition, scope)) {
            if (s.terminal()) {
                out.append("  ").append(s.name()).append(" --> [*]\n");
            }
        }
        return out.toString();
    }
}
