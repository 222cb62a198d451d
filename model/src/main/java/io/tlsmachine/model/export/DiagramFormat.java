package io.tlsmachine.model.export;

import io.tlsmachine.model.MachineDefinition;

/** Lists the text formats a machine can be exported to (diagrams and the transition table), with their file extension. */
public enum DiagramFormat {
    DOT("dot"),
    MERMAID("mmd"),
    PLANTUML("puml"),
    SCXML("scxml"),
    /** Tab-separated transition table, the format of specs/machines/*.tsv. */
    TABLE("tsv");

    private final String extension;

    DiagramFormat(String extension) {
        this.extension = extension;
    }

    /** Returns the file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Exports {@code definition} in this format, the full view. */
    public String export(MachineDefinition<?, ?> definition, DiagramScope scope) {
        return switch (this) {
            case DOT -> DotExporter.export(definition, scope);
            case MERMAID -> MermaidExporter.export(definition, scope);
            case PLANTUML -> PlantUmlExporter.export(definition, scope);
            case SCXML -> ScxmlExporter.export(definition, scope);
            case TABLE -> TableExporter.export(definition, scope);
        };
    }
}
