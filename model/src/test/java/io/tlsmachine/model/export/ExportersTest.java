package io.tlsmachine.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.client.ClientSteps;
import io.tlsmachine.model.server.ServerMachine;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ExportersTest {

    private static final MachineDefinition<ClientState, ClientSteps> CLIENT = ClientMachine.definition();

    @Test
    void everyFormatIsIndependentOfDeclarationOrder() {
        long seed = 20261127L;
        List<Transition<ClientState, ClientSteps>> shuffled = new ArrayList<>(CLIENT.transitions());
        Collections.shuffle(shuffled, new Random(seed));
        MachineDefinition<ClientState, ClientSteps> reordered = new MachineDefinition<>(
                CLIENT.role(), ClientState.class, ClientSteps.class, CLIENT.initial(), shuffled);
        for (DiagramFormat format : DiagramFormat.values()) {
            for (DiagramScope scope : DiagramScope.values()) {
                assertThat(format.export(reordered, scope)).as("%s %s seed %d", format, scope, seed)
                        .isEqualTo(format.export(CLIENT, scope));
                assertThat(DiagramView.TEACHING.text(reordered, scope, format)).as("teaching %s %s seed %d", format, scope, seed)
                        .isEqualTo(DiagramView.TEACHING.text(CLIENT, scope, format));
            }
        }
    }

    @Test
    void dotLabelsEdgesWithInputEpochGuardAndOutputs() {
        String dot = DotExporter.export(CLIENT, DiagramScope.ALL);
        assertThat(dot).startsWith("digraph client {")
                .contains("subgraph cluster_TLS13", "subgraph cluster_TLS12", "subgraph cluster_COMMON")
                .contains("WAIT_SH -> WAIT_EE [label=\"SERVER_HELLO@plaintext [tls13]")
                .contains("WAIT_SH -> FAILED [label=\"", "SERVER_HELLO@plaintext [downgradeDetected] / Alert(illegal_parameter)")
                .contains("TLS12_WAIT_CERT -> TLS12_WAIT_SKE [label=\"CERTIFICATE@plaintext [ephemeralKeyExchange]")
                .contains("START -> WAIT_SH [label=\"CONNECT@local / ClientHello, ChangeCipherSpec[middleboxCcsAfterClientHello]");
    }

    @Test
    void regionScopeKeepsCommonStatesAndDropsTheOtherVersion() {
        String tls13 = DotExporter.export(CLIENT, DiagramScope.TLS13);
        assertThat(tls13).contains("WAIT_EE", "START", "WAIT_SH", "FAILED").doesNotContain("TLS12_");
        String tls12 = MermaidExporter.export(ServerMachine.definition(), DiagramScope.TLS12);
        assertThat(tls12).contains("TLS12_WAIT_CKE", "RECVD_CH").doesNotContain("WAIT_EOED", "NEGOTIATED");
    }

    @Test
    void serverTls13DiagramDrawsTheAppendixA2StatesWithoutAHandshakeWaitCert() {
        String tls13 = DotExporter.export(ServerMachine.definition(), DiagramScope.TLS13);
        assertThat(tls13).contains("RECVD_CH", "NEGOTIATED", "WAIT_EOED", "WAIT_FLIGHT2", "WAIT_CV", "WAIT_FINISHED")
                .contains("NEGOTIATED -> WAIT_FLIGHT2 [label=\"SEND_SERVER_FLIGHT@local [notEarlyDataAccepted]")
                .contains("WAIT_EOED -> WAIT_FLIGHT2 [label=\"END_OF_EARLY_DATA@early")
                .contains("WAIT_FLIGHT2 -> WAIT_CV [label=\"CERTIFICATE@handshake [clientAuthRequested]")
                .doesNotContainPattern("(?<!POST_HANDSHAKE_)WAIT_CERT\\b");
    }

    @Test
    void mermaidIsAStateDiagramWithOneLinePerTransition() {
        String mermaid = MermaidExporter.export(CLIENT, DiagramScope.ALL);
        assertThat(mermaid).startsWith("stateDiagram-v2\n").contains("  [*] --> START\n", "  FAILED --> [*]\n");
        long transitionLines = mermaid.lines().filter(l -> l.contains(" --> ") && !l.contains("[*]")).count();
        assertThat(transitionLines).isEqualTo(CLIENT.transitions().size());
    }

    @Test
    void scxmlIsWellFormedWithOneTransitionElementPerTransition() throws Exception {
        String scxml = ScxmlExporter.export(ServerMachine.definition(), DiagramScope.ALL);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(scxml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("scxml");
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2005/07/scxml", "transition").getLength())
                .isEqualTo(ServerMachine.definition().transitions().size());
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2005/07/scxml", "final").getLength()).isEqualTo(2);
    }

    @Test
    void plantUmlHasOneArrowPerTransitionAndTheTerminalStatesOnce() {
        String puml = PlantUmlExporter.export(CLIENT, DiagramScope.ALL);
        assertThat(puml).startsWith("@startuml\n").endsWith("@enduml\n").contains("[*] --> START\n",
                "state FAILED <<end>>\n", "WAIT_SH --> FAILED : SERVER_HELLO@plaintext [downgradeDetected] / Alert(illegal_parameter)");
        long arrows = puml.lines().filter(l -> l.contains(" --> ") && !l.startsWith("[*]")).count();
        assertThat(arrows).isEqualTo(CLIENT.transitions().size());
        assertThat(puml.lines().filter(l -> l.equals("state CLOSED <<end>>"))).hasSize(1);
    }

    @Test
    void teachingViewIsDrawnInDotMermaidAndPlantUmlButNotScxml() {
        String mermaid = DiagramView.TEACHING.text(CLIENT, DiagramScope.TLS13, DiagramFormat.MERMAID).orElseThrow();
        long links = mermaid.lines()
                .filter(l -> !l.contains("linkStyle") && l.matches(".*\\s(-->|==>|-\\.->|---)[|\\s].*")).count();
        assertThat(mermaid).contains("flowchart TB", "EncryptedExtensions [PSK]");
        assertThat(mermaid.lines().filter(l -> l.startsWith("  linkStyle "))).hasSize((int) links);
        assertThat(DiagramView.TEACHING.text(CLIENT, DiagramScope.TLS13, DiagramFormat.PLANTUML).orElseThrow())
                .contains("-[#1f5fa8,bold]-> WAIT_CERT_CR : EncryptedExtensions [cert auth]");
        assertThat(DiagramView.TEACHING.text(CLIENT, DiagramScope.TLS13, DiagramFormat.SCXML)).isEmpty();
        assertThat(DiagramView.FULL.text(CLIENT, DiagramScope.TLS13, DiagramFormat.SCXML)).isPresent();
    }

    @Test
    void scopeParsesCaseInsensitively() {
        assertThat(DiagramScope.parse(" tls13 ")).isEqualTo(DiagramScope.TLS13);
        assertThat(DiagramScope.parse("ALL")).isEqualTo(DiagramScope.ALL);
    }

    @Test
    void tableHasAHeaderAndOneRowPerTransitionInTheSpecFormat() {
        String table = TableExporter.export(CLIENT, DiagramScope.ALL);
        List<String> rows = table.lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(rows.get(0)).isEqualTo(TableExporter.HEADER);
        assertThat(rows).hasSize(CLIENT.transitions().size() + 1);
        assertThat(rows).contains("WAIT_SH\tSERVER_HELLO\tPLAINTEXT\tdowngradeDetected\tFAILED\t"
                + "Alert(illegal_parameter)@plaintext\tRFC 8446 §4.1.3");
    }
}
