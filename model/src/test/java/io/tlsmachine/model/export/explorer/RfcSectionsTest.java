package io.tlsmachine.model.export.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.server.ServerMachine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps the bundled RFC sections complete: every section the transitions cite from an RFC we bundle is in the
 * resource; {@code -Dtlsmachine.regenerate=true} rewrites it from the RFC texts in {@code -Dtlsmachine.rfcDir}
 * (default {@code /work/shared/rfc}).
 */
class RfcSectionsTest {

    private static final List<String> BUNDLED_RFCS = List.of("8446", "5246", "4492");
    private static final Path RESOURCE = Path.of("src/main/resources/io/tlsmachine/model/export/explorer",
            RfcSections.RESOURCE);

    @Test
    void parsesEveryCitationOfATransition() {
        assertEquals(List.of(new RfcSections.Section("8446", "A.2"), new RfcSections.Section("5246", "7.3")),
                RfcSections.parse("RFC8446 A.2; RFC5246 7.3"));
        assertEquals("rfc8446-4.6.1", RfcSections.parse("RFC 8446 §4.6.1").get(0).id());
    }

    @Test
    void extractsASectionUpToTheNextHeadingWithoutPageBreaks() {
        String text = "   4.1.  In the contents\n\n4.1.  Key Exchange\n\n   Body one.\n\nRescorla  Standards Track"
                + "  [Page 9]\n\f\nRFC 8446                    TLS                    August 2018\n\n   Body two.\n\n"
                + "4.1.1.  Next\n\n   Other.\n";
        assertEquals("4.1.  Key Exchange\n\n   Body one.\n\n   Body two.", RfcSections.extract(text, "4.1"));
        assertEquals("", RfcSections.extract(text, "4.2"));
    }

    @Test
    void bundlesEveryCitedSectionOfTheBundledRfcs() throws IOException {
        Set<RfcSections.Section> cited = ExplorerData.citedSections(
                List.<MachineDefinition<?, ?>>of(ClientMachine.definition(), ServerMachine.definition()));
        Path rfcDir = Path.of(System.getProperty("tlsmachine.rfcDir", "/work/shared/rfc"));
        if (Boolean.getBoolean("tlsmachine.regenerate") && Files.isDirectory(rfcDir)) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (RfcSections.Section s : cited) {
                Path file = rfcDir.resolve("rfc" + s.rfc() + ".txt");
                if (BUNDLED_RFCS.contains(s.rfc()) && Files.exists(file)) {
                    texts.put(s.id(), RfcSections.extract(Files.readString(file, StandardCharsets.UTF_8), s.number()));
                }
            }
            Files.writeString(RESOURCE, RfcSections.bundle(texts), StandardCharsets.UTF_8);
        }
        Map<String, String> bundled = RfcSections.bundled();
        for (RfcSections.Section s : cited) {
            if (BUNDLED_RFCS.contains(s.rfc())) {
                String text = bundled.get(s.id());
                assertTrue(text != null && text.startsWith(s.number() + ".") || text != null
                        && text.startsWith("Appendix " + s.number() + "."), "bundled text of " + s.label() + ": " + text);
            }
        }
    }
}
