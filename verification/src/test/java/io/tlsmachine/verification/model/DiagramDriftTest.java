package io.tlsmachine.verification.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.export.DiagramFormat;
import io.tlsmachine.model.export.DiagramScope;
import io.tlsmachine.model.export.GraphvizSvg;
import io.tlsmachine.model.export.SequenceFigures;
import io.tlsmachine.model.export.SequenceSvg;
import io.tlsmachine.model.export.DiagramView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that the committed diagrams {@code specs/diagrams/<role>-<scope>.dot|.mmd|.puml} (the full view) and
 * {@code specs/diagrams/teaching/<role>-<version>.dot|.mmd|.puml} (the teaching view) and {@code specs/diagrams/sequences/}
 * (the message-sequence figures, text and SVG, which need no Graphviz) equal what the model's exporters generate now; {@code -Dtlsmachine.regenerate=true} rewrites them, and also renders each DOT file to
 * {@code .svg} when Graphviz is installed (SVG is for readers and is not drift-checked: Graphviz versions differ).
 * Until the diagrams are committed only the exporters' determinism is checked.
 */
class DiagramDriftTest {

    private static final Path DIRECTORY = RepoFiles.path("specs/diagrams");
    private static final List<DiagramFormat> FORMATS = List.of(DiagramFormat.DOT, DiagramFormat.MERMAID, DiagramFormat.PLANTUML);

    @Test
    void committedDiagramsEqualTheGeneratedOnes() {
        Map<Path, String> generated = generate();
        assertThat(generate()).as("exporters are deterministic").isEqualTo(generated);
        if (RepoFiles.regenerating()) {
            generated.forEach(RepoFiles::write);
            writeSvgs(generated);
        }
        boolean committed = generated.keySet().stream().anyMatch(Files::exists);
        if (!committed) {
            System.out.println("No diagrams committed under " + DIRECTORY + " yet: checked determinism only ("
                    + generated.size() + " diagrams)");
            return;
        }
        List<String> drifted = new ArrayList<>();
        generated.forEach((file, text) -> {
            if (!text.equals(RepoFiles.readOrNull(file))) {
                drifted.add(RepoFiles.root().relativize(file).toString());
            }
        });
        assertThat(drifted).as("diagrams missing or drifted from the model; regenerate with -Dtlsmachine.regenerate=true")
                .isEmpty();
    }

    @Test
    void theReadmeShowsTheGeneratedOneRttFigureAndTheTeachingView() {
        String readme = RepoFiles.readOrNull(RepoFiles.path("README.md"));
        SequenceFigures.HandshakeType oneRtt = SequenceFigures.handshakeTypes().stream()
                .filter(t -> t.walks().stream().anyMatch(w -> w.facts().equals(Negotiated.tls13()))).findFirst().orElseThrow();
        assertThat(readme).contains(oneRtt.figure().body(), "specs/diagrams/sequences/" + oneRtt.name() + ".svg",
                "specs/diagrams/teaching/client-tls13.svg");
    }

    private static void writeSvgs(Map<Path, String> generated) {
        String dotSuffix = "." + DiagramFormat.DOT.extension();
        generated.forEach((file, text) -> {
            String name = file.getFileName().toString();
            if (name.endsWith(dotSuffix)) {
                Path svg = file.resolveSibling(name.substring(0, name.length() - dotSuffix.length()) + ".svg");
                GraphvizSvg.render(text, Duration.ofSeconds(30)).ifPresent(rendered -> RepoFiles.write(svg, rendered));
            }
        });
    }

    private static void putFigure(Map<Path, String> files, String name, String text) {
        files.put(DIRECTORY.resolve("sequences/" + name + ".txt"), text);
        files.put(DIRECTORY.resolve("sequences/" + name + ".svg"), SequenceSvg.render(text));
    }

    private static Map<Path, String> generate() {
        Machines real = Machines.real();
        Map<Path, String> files = new LinkedHashMap<>();
        for (MachineDefinition<?, ?> definition : real.both()) {
            for (DiagramScope scope : DiagramScope.values()) {
                for (DiagramFormat format : FORMATS) {
                    String name = definition.role() + "-" + scope.name().toLowerCase(Locale.ROOT) + "." + format.extension();
                    files.put(DIRECTORY.resolve(name), format.export(definition, scope));
                }
            }
            for (DiagramScope version : List.of(DiagramScope.TLS13, DiagramScope.TLS12)) {
                String base = "teaching/" + definition.role() + "-" + version.name().toLowerCase(Locale.ROOT) + ".";
                for (DiagramFormat format : FORMATS) {
                    files.put(DIRECTORY.resolve(base + format.extension()),
                            DiagramView.TEACHING.text(definition, version, format).orElseThrow());
                }
            }
        }
        List<SequenceFigures.HandshakeType> types = SequenceFigures.handshakeTypes();
        for (SequenceFigures.HandshakeType type : types) {
            putFigure(files, type.name(), type.figure().text());
        }
        for (SequenceFigures.ReferenceFigure figure : SequenceFigures.ReferenceFigure.values()) {
            putFigure(files, figure.fileName(), figure.figure().text());
        }
        files.put(DIRECTORY.resolve("sequences/README.md"), SequenceFigures.index(types));
        return files;
    }
}
