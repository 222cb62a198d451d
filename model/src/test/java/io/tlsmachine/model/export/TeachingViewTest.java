package io.tlsmachine.model.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsmachine.model.Guard;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerMachine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TeachingViewTest {

    /**
     * The smallest text, once the diagram is scaled to fit a 1920 × 1080 slide, must be at least this many pixels.
     * 10 px is about the size of 7.5 pt print or a browser's small UI text: readable on a 1080p screen or from the
     * front rows of a projected slide. The state names (16 pt in the DOT) then come out at 12 px or more.
     */
    private static final double MIN_SLIDE_FONT_PX = 10.0;
    private static final double SLIDE_WIDTH = 1920;
    private static final double SLIDE_HEIGHT = 1080;

    private static final MachineDefinition<ClientState, ?> CLIENT = ClientMachine.definition();
    private static final List<MachineDefinition<?, ?>> MACHINES = List.of(CLIENT, ServerMachine.definition());
    private static final List<DiagramScope> VERSIONS = List.of(DiagramScope.TLS13, DiagramScope.TLS12);

    @Test
    void everyGuardHasAShortLabelInTheOneTable() {
        assertThat(Arrays.stream(Guard.values()).filter(g -> !GuardLabels.mapped(g))).isEmpty();
        assertThat(GuardLabels.bracketed(Guard.PSK_ACCEPTED)).isEqualTo(" [PSK]");
        assertThat(GuardLabels.bracketed(Guard.ALWAYS)).isEmpty();
    }

    @Test
    void drawsNoTerminalStateNoAlertAndNoCloseEdge() {
        for (MachineDefinition<?, ?> machine : MACHINES) {
            for (DiagramScope scope : VERSIONS) {
                TeachingGraph graph = TeachingView.of(machine, scope);
                assertThat(graph.states()).noneMatch(s -> s.terminal());
                assertThat(graph.edges()).allMatch(e -> !e.to().terminal() && e.from() != e.to());
                assertThat(TeachingView.dot(machine, scope))
                        .doesNotContain("Alert(close_notify)").contains("fatal alert -> FAILED, close_notify -> CLOSED");
            }
        }
    }

    @Test
    void clientTls13ShowsShortGuardsAndFoldsTheRest() {
        TeachingGraph graph = TeachingView.of(CLIENT, DiagramScope.TLS13);
        List<String> lines = graph.edges().stream().flatMap(e -> e.lines().stream()).toList();
        assertThat(lines).contains("EncryptedExtensions [PSK]", "EncryptedExtensions [cert auth]", "ServerHello [TLS 1.3]");
        assertThat(lines).anyMatch(l -> l.contains("EndOfEarlyData [0-RTT accepted]"));
        assertThat(lines).noneMatch(l -> l.contains("@") || l.contains("pskAccepted"));
        assertThat(graph.note().get(0)).anyMatch(l -> l.contains("except START"));
        assertThat(graph.note()).anyMatch(section -> section.stream().anyMatch(l -> l.contains("WAIT_SH: ServerHello [downgrade]")));
        assertThat(graph.loops()).containsOnlyKeys(ClientState.CONNECTED);
        assertThat(graph.loops().get(ClientState.CONNECTED).get(0).heading()).isEqualTo("post-handshake (CONNECTED)");
        assertThat(graph.loops().get(ClientState.CONNECTED).get(0).loops())
                .anyMatch(l -> l.lines().get(0).equals("NewSessionTicket"));
    }

    @Test
    void serverTls13GroupsThePostHandshakeRegionIntoOneBox() {
        TeachingGraph graph = TeachingView.of(ServerMachine.definition(), DiagramScope.TLS13);
        assertThat(graph.loops()).hasSize(1);
        assertThat(graph.loops().values().iterator().next().get(0).heading()).startsWith("post-handshake, in CONNECTED,");
        assertThat(graph.edges().stream().flatMap(e -> e.lines().stream())).contains("send server flight [0-RTT accepted]");
        assertThat(graph.postHandshakeRows()).hasSize(1);
    }

    @Test
    void everyTeachingSvgFitsA16By9SlideAtALegibleSize() {
        assumeTrue(GraphvizSvg.render("digraph g {}", Duration.ofSeconds(30)).isPresent(),
                "Graphviz 'dot' is not installed: the teaching SVGs cannot be rendered here (.ci/run installs it)");
        List<String> report = new ArrayList<>();
        for (MachineDefinition<?, ?> machine : MACHINES) {
            for (DiagramScope scope : VERSIONS) {
                String svg = GraphvizSvg.render(TeachingView.dot(machine, scope), Duration.ofSeconds(60)).orElseThrow();
                SlideFit fit = SlideFit.of(svg);
                report.add(machine.role() + " " + scope + ": " + fit);
                assertThat(fit.aspect()).as("%s %s aspect ratio (width / height)", machine.role(), scope)
                        .isBetween(3.0 / 4.0, 16.0 / 9.0);
                assertThat(fit.smallestFontPx()).as("%s %s smallest font on a 1920x1080 slide", machine.role(), scope)
                        .isGreaterThanOrEqualTo(MIN_SLIDE_FONT_PX);
            }
        }
        System.out.println("Teaching views on a 1920x1080 slide: " + report);
    }

    /** The size of a rendered SVG and its smallest font, once scaled to fit the slide. */
    record SlideFit(double width, double height, double smallestFont) {

        private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"([-\\d.]+) ([-\\d.]+) ([\\d.]+) ([\\d.]+)\"");
        private static final Pattern FONT_SIZE = Pattern.compile("font-size=\"([\\d.]+)\"");

        static SlideFit of(String svg) {
            Matcher box = VIEW_BOX.matcher(svg);
            assertThat(box.find()).as("SVG has a viewBox").isTrue();
            double smallest = Double.MAX_VALUE;
            Matcher font = FONT_SIZE.matcher(svg);
            while (font.find()) {
                smallest = Math.min(smallest, Double.parseDouble(font.group(1)));
            }
            assertThat(smallest).as("SVG has text").isLessThan(Double.MAX_VALUE);
            return new SlideFit(Double.parseDouble(box.group(3)), Double.parseDouble(box.group(4)), smallest);
        }

        double aspect() {
            return width / height;
        }

        /** The viewBox is scaled by the same factor on both axes until it fits the slide. */
        double smallestFontPx() {
            return smallestFont * Math.min(SLIDE_WIDTH / width, SLIDE_HEIGHT / height);
        }

        @Override
        public String toString() {
            return String.format("%.0fx%.0f, smallest font %.1f px", width, height, smallestFontPx());
        }
    }
}
