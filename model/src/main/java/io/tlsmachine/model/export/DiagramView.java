package io.tlsmachine.model.export;

import io.tlsmachine.model.MachineDefinition;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Names the three views: {@link #TEACHING} (happy paths for a slide), {@link #FULL} (every transition, for auditors)
 * and {@link #SEQUENCE} (the message-sequence figures, see {@link SequenceFigures}), and renders the first two.
 */
public enum DiagramView {
    TEACHING,
    FULL,
    SEQUENCE;

    private static final Duration GRAPHVIZ_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Returns one machine's diagram in this view and {@code format}; empty when the view has no such format (the
     * teaching view is drawn in DOT, Mermaid and PlantUML; the sequence figures are not a machine's diagram).
     */
    public Optional<String> text(MachineDefinition<?, ?> definition, DiagramScope scope, DiagramFormat format) {
        return switch (this) {
            case FULL -> Optional.of(format.export(definition, scope));
            case TEACHING -> switch (format) {
                case DOT -> Optional.of(TeachingView.dot(definition, scope));
                case MERMAID -> Optional.of(TeachingText.mermaid(TeachingView.of(definition, scope)));
                case PLANTUML -> Optional.of(TeachingText.plantUml(TeachingView.of(definition, scope)));
                case SCXML, TABLE -> Optional.empty();
            };
            case SEQUENCE -> Optional.empty();
        };
    }

    /** Returns the SVG rendered by Graphviz from this view's DOT; empty when {@code dot} is not installed. */
    public Optional<String> svg(MachineDefinition<?, ?> definition, DiagramScope scope) {
        return text(definition, scope, DiagramFormat.DOT).flatMap(dot -> GraphvizSvg.render(dot, GRAPHVIZ_TIMEOUT));
    }

    /** Parses {@code teaching}, {@code full} or {@code sequence} (any case). */
    public static DiagramView parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
