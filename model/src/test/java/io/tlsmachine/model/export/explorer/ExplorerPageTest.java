package io.tlsmachine.model.export.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.export.SequenceFigures;
import io.tlsmachine.model.export.SequenceFigures.HandshakeType;
import io.tlsmachine.model.server.ServerMachine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checks the explorer page's content without a browser: the data blob, the diagrams, the Graphviz fallback. */
class ExplorerPageTest {

    private static final List<HandshakeType> TYPES = SequenceFigures.handshakeTypes();

    @Test
    void pageWithoutGraphvizSaysSoAndKeepsItsData() {
        String page = ExplorerPage.html(ClientMachine.definition(), TYPES, Optional.empty(), Optional.empty(),
                Optional.empty());
        assertTrue(page.contains("Graphviz <code>dot</code> was not installed"), "no Graphviz notice");
        assertTrue(page.contains("\"role\":\"client\""), "no data blob");
        assertFalse(page.matches("(?s).*\\{\\{[A-Z0-9_]+}}.*"), "a placeholder is left");
        assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "the page loads something from outside");
    }

    @Test
    void inlinedSvgLosesItsXmlPrologue() {
        String page = ExplorerPage.html(ServerMachine.definition(), TYPES,
                Optional.of("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg id=\"t13\"></svg>"),
                Optional.of("<svg id=\"t12\"></svg>"), Optional.of("<svg id=\"full\"></svg>"));
        assertTrue(page.contains("<div class=\"view on\" id=\"view-teaching-tls13\"><svg id=\"t13\"></svg></div>"));
        assertFalse(page.contains("<?xml"));
    }

    @Test
    void dataListsEveryStateTransitionHandshakeTypeAndCitedSection() {
        String json = ExplorerData.json(ClientMachine.definition(), TYPES);
        for (ClientState state : ClientState.values()) {
            assertTrue(json.contains("\"name\":\"" + state.name() + "\""), "state " + state);
        }
        assertEquals(ClientMachine.definition().transitions().size(), count(json, "{\"from\":"));
        assertEquals(TYPES.size(), count(json, "\"figure\":"));
        assertEquals(82, TYPES.size());
        assertTrue(json.contains("\"path\":[\"START\",\"WAIT_SH\",\"WAIT_EE\",\"WAIT_CERT_CR\",\"WAIT_CV\","
                + "\"WAIT_FINISHED\",\"CONNECTED\"]"), "the 1-RTT handshake's client path");
        assertTrue(json.contains("\"rfc8446-4.3.1\":[\"RFC 8446 §4.3.1\",\"4.3.1.  Encrypted Extensions"),
                "the bundled text of RFC 8446 §4.3.1");
        assertFalse(json.contains("</script"), "the blob could close its script element");
    }

    @Test
    void rejectionRowCoversEveryInputAndEpoch() {
        List<RejectionRows.Cell> row = RejectionRows.row(ClientMachine.definition(), ClientState.WAIT_EE);
        assertTrue(row.stream().anyMatch(c -> c.input().name().equals("ENCRYPTED_EXTENSIONS")
                && c.outcome().contains("-> WAIT_CERT_CR")));
        assertTrue(row.stream().anyMatch(c -> c.input().name().equals("FINISHED")
                && c.outcome().equals(RejectionRows.UNEXPECTED)));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
