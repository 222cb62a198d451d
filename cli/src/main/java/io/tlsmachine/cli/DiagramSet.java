package io.tlsmachine.cli;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.export.DiagramFormat;
import io.tlsmachine.model.export.DiagramScope;
import io.tlsmachine.model.export.DiagramView;
import io.tlsmachine.model.export.GraphvizSvg;
import io.tlsmachine.model.export.SequenceFigures;
import io.tlsmachine.model.export.SequenceSvg;
import io.tlsmachine.model.server.ServerMachine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Names and writes the full set of diagrams: each machine, each version region, each format. */
final class DiagramSet {
    private static final Duration GRAPHVIZ_TIMEOUT = Duration.ofSeconds(60);
    /** The text formats of the full view the demo writes: every diagram format the README lists (SVG aside). */
    static final List<DiagramFormat> DIAGRAM_FORMATS = List.of(DiagramFormat.DOT, DiagramFormat.MERMAID,
            DiagramFormat.PLANTUML, DiagramFormat.SCXML);

    private DiagramSet() {
    }

    /** Parses the command line's {@code 1.2}, {@code 1.3} or {@code all}. */
    static DiagramScope scope(String version) {
        return switch (version.trim().toLowerCase(Locale.ROOT)) {
            case "1.3", "tls13", "tls1.3" -> DiagramScope.TLS13;
            case "1.2", "tls12", "tls1.2" -> DiagramScope.TLS12;
            case "all" -> DiagramScope.ALL;
            default -> throw new IllegalArgumentException("--tls takes 1.2, 1.3 or all, not " + version);
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
     * Prints the message-sequence figures of {@code scope}'s versions (text, or SVG when {@code svg}), or writes one
     * file per figure into {@code folder} when it is not null; returns the exit status.
     */
    static int sequences(DiagramScope scope, boolean svg, Path folder, PrintWriter out, PrintWriter err) throws IOException {
        for (Map.Entry<String, String> figure : SequenceFigures.texts(scope).entrySet()) {
            String text = svg ? SequenceSvg.render(figure.getValue()) : figure.getValue();
            if (folder == null) {
                out.println(text);
            } else {
                Files.createDirectories(folder);
                Path file = folder.resolve(figure.getKey() + (svg ? ".svg" : ".txt"));
                Files.writeString(file, text, StandardCharsets.UTF_8);
                out.println(file);
            }
        }
        out.flush();
        return 0;
    }

    /**
     * Writes DOT, Mermaid, PlantUML and SCXML for both machines and every scope into {@code folder}, the teaching views
     * of each version into {@code folder/teaching}, and SVG when Graphviz is installed; returns the files written.
     */
    static List<Path> writeAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (MachineDefinition<?, ?> definition : List.of(ClientMachine.definition(), ServerMachine.definition())) {
            for (DiagramScope scope : DiagramScope.values()) {
                for (DiagramFormat format : DIAGRAM_FORMATS) {
                    written.add(write(folder, definition, scope, format.extension(), format.export(definition, scope)));
                }
                Optional<String> svg = svg(definition, scope);
                if (svg.isPresent()) {
                    written.add(write(folder, definition, scope, "svg", svg.get()));
                }
                if (scope != DiagramScope.ALL) {
                    written.add(write(folder.resolve("teaching"), definition, scope, DiagramFormat.DOT.extension(),
                            DiagramView.TEACHING.text(definition, scope, DiagramFormat.DOT).orElseThrow()));
                    Optional<String> teaching = DiagramView.TEACHING.svg(definition, scope);
                    if (teaching.isPresent()) {
                        written.add(write(folder.resolve("teaching"), definition, scope, "svg", teaching.get()));
                    }
                }
            }
        }
        return written;
    }

    private static Path write(Path folder, MachineDefinition<?, ?> definition, DiagramScope scope, String extension,
            String text) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(fileName(definition, scope, extension));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
