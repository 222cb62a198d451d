package io.tlsmachine.model.export;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.VersionRegion;
import java.util.List;

/**
 * Exports a machine as a PlantUML state diagram, the full view: one composite state per version region, one arrow
 * per transition labelled {@code INPUT@epoch [guard] / outputs}, CLOSED and FAILED once outside the regions.
 */
public final class PlantUmlExporter {

    private PlantUmlExporter() {
    }

    /** Returns the PlantUML text for the states and transitions in {@code scope}; deterministic. */
    public static String export(MachineDefinition<?, ?> definition, DiagramScope scope) {
        StringBuilder out = new StringBuilder("@startuml\n");
        out.append("title ").append(definition.role()).append(" machine (").append(scope.name().toLowerCase(java.util.Locale.ROOT))
                .append(")\nhide empty description\n");
        List<ModelState> states = DiagramEdges.states(definition, scope);
        for (VersionRegion region : VersionRegion.values()) {
            List<ModelState> inRegion = states.stream().filter(s -> s.region() == region && !s.terminal()).toList();
            if (inRegion.isEmpty()) {
                continue;
            }
            out.append("state \"").append(DotExporter.regionTitle(region)).append("\" as region_").append(region.name())
                    .append(" {\n");
            inRegion.forEach(s -> out.append("  state ").append(s.name()).append('\n'));
            out.append("}\n");
        }
        states.stream().filter(ModelState::terminal).forEach(s -> out.append("state ").append(s.name()).append(" <<end>>\n"));
        out.append("[*] --> ").append(definition.initial().name()).append('\n');
        for (Transition<?, ?> t : DiagramEdges.transitions(definition, scope)) {
            out.append(t.from().name()).append(" --> ").append(t.to().name()).append(" : ").append(label(t.label()))
                    .append('\n');
        }
        out.append("@enduml\n");
        return out.toString();
    }

    /** Returns a label PlantUML reads as one line of text. */
    static String label(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
