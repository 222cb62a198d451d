package io.tlsmachine.cli;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.export.DiagramFormat;
import io.tlsmachine.model.export.DiagramScope;
import io.tlsmachine.model.export.GraphvizSvg;
import io.tlsmachine.model.server.ServerMachine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Names and writes the full set of diagrams: each machine, each version region, each format. */
final class DiagramSet {
    private static final Duration GRAPHVIZ_TIMEOUT = Duration.ofSeconds(60);

    private DiagramSet() {
    }

    /** Parses the command line's {@code 1.2}, {@code 1.3} or {@code all}. */
    static DiagramScope scope(String version) {
        return switch (version.trim().toLowerCase(Locale.ROOT)) {
            case "1.3", "tls13", "tls1.3" -> DiagramScope.TLS13;
            case "1.2", "tls12", "tls1.2" -> DiagramScope.TLS12;
            case "all" -> DiagramScope.ALL;
            default -> throw new IllegalArgumentException("--version takes 1.2, 1.3 or all, not " + version);
        };
    }

    /** Returns the file name of one diagram, e.g. {@code client-tls13.dot}. */
    static String fileName(MachineDefinition<?, ?> definition, DiagramScope scope, String extension) {
        return definition.role() + "-" + scope.name().toLowerCase(Locale.ROOT) + "." + extension;
    }

    /** Renders the DOT diagram as SVG with Graphviz; empty when {@code dot} is not installed. */
    static Optional<String> svg(MachineDefinition<?, ?> definition, DiagramScope scope) {
        return GraphvizSvg.render(DiagramFormat.DOT.export(definition, scope), GRAPHVIZ_TIMEOUT);
    }

    /**
     * Writes DOT and Mermaid for both machines and every scope into {@code folder}, and SVG when
     * Graphviz is installed; returns the files written.
     */
    static List<Path> writeAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (MachineDefinition<?, ?> definition : List.of(ClientMachine.definition(), ServerMachine.definition())) {
            for (DiagramScope scope : DiagramScope.values()) {
                String dot = DiagramFormat.DOT.export(definition, scope);
                written.add(write(folder, definition, scope, DiagramFormat.DOT.extension(), dot));
                written.add(write(folder, definition, scope, DiagramFormat.MERMAID.extension(),
                        DiagramFormat.MERMAID.export(definition, scope)));
                Optional<String> svg = svg(definition, scope);
                if (svg.isPresent()) {
                    written.add(write(folder, definition, scope, "svg", svg.get()));
                }
            }
        }
        return written;
    }

    private static Path write(Path folder, MachineDefinition<?, ?> definition, DiagramScope scope, String extension,
            String text) throws IOException {
        Path file = folder.resolve(fileName(definition, scope, extension));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
