package io.tlsmachine.model.export.explorer;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.export.DiagramScope;
import io.tlsmachine.model.export.DiagramView;
import io.tlsmachine.model.export.SequenceFigures.HandshakeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Assembles one machine's explorer page: the template {@code explorer.html} (plain JavaScript, no library) with the
 * data blob and the diagrams inlined as SVG, so that the page works from {@code file://} with no network.
 */
public final class ExplorerPage {

    private static final String TEMPLATE = "explorer.html";
    private static final String NO_GRAPHVIZ = "<p class=\"no-dot\">Graphviz <code>dot</code> was not installed when "
            + "this page was generated, so the diagram is missing (install the graphviz package and run "
            + "<code>./tlsmachine explore</code> again); the rest of the page works without it.</p>";

    private ExplorerPage() {
    }

    /** Returns the page of {@code definition}, its diagrams rendered by Graphviz when it is installed. */
    public static String html(MachineDefinition<?, ?> definition, List<HandshakeType> types) {
        return html(definition, types, DiagramView.TEACHING.svg(definition, DiagramScope.TLS13),
                DiagramView.TEACHING.svg(definition, DiagramScope.TLS12),
                DiagramView.FULL.svg(definition, DiagramScope.ALL));
    }

    /** Returns the page with the given SVGs (empty: say on the page that Graphviz was missing). */
    static String html(MachineDefinition<?, ?> definition, List<HandshakeType> types, Optional<String> teaching13,
            Optional<String> teaching12, Optional<String> full) {
        return template()
                .replace("{{ROLE}}", definition.role())
                .replace("{{TEACHING_TLS13}}", inline(teaching13))
                .replace("{{TEACHING_TLS12}}", inline(teaching12))
                .replace("{{FULL}}", inline(full))
                .replace("{{DATA}}", ExplorerData.json(definition, types));
    }

    // Drops the XML declaration and DOCTYPE that Graphviz writes: the SVG sits inside HTML.
    private static String inline(Optional<String> svg) {
        return svg.map(s -> s.substring(Math.max(0, s.indexOf("<svg")))).orElse(NO_GRAPHVIZ);
    }

    private static String template() {
        try (InputStream in = ExplorerPage.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TEMPLATE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
