package io.tlsmachine.cli.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsmachine.cli.TlsMachineCli;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Opens the explorer pages that {@code tlsmachine explore} writes from {@code file://} in headless Chromium, clicks a
 * state, chooses a handshake type, follows an RFC link and searches, asserting what appears; the screenshots are
 * kept under {@code target/explorer-screenshots} and checked not to be blank.
 */
@Tag("slow")
class ExplorerPageBrowserTest {

    private static final Path PAGES = Path.of("target/explorer-pages");
    private static final Path SCREENSHOTS = Path.of("target/explorer-screenshots");
    private static final String NODE = "[...document.querySelectorAll('#view-teaching-tls13 g.node')]"
            + ".find(g => g.querySelector('title').textContent === '%s')";

    @BeforeAll
    static void writePages() {
        StringWriter out = new StringWriter();
        int status = TlsMachineCli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "explore", "--out", PAGES.toString());
        assertEquals(0, status, out.toString());
    }

    @Test
    void clientPageShowsTransitionsHandshakePathRfcTextAndSearchResults() throws Exception {
        try (HeadlessChromium browser = open("client")) {
            browser.click(String.format(NODE, "WAIT_EE"));
            browser.waitFor("document.querySelector('#transitions')");
            String transitions = browser.evaluate("document.querySelector('#state-panel').innerText");
            assertTrue(transitions.contains("ENCRYPTED_EXTENSIONS") && transitions.contains("WAIT_CERT_CR")
                    && transitions.contains("RFC 8446 §4.3.1"), transitions);
            assertTrue(transitions.contains("unexpected_message for the other"), transitions);
            assertEquals("1", browser.evaluate("document.querySelectorAll('#view-teaching-tls13 g.node.selected').length"));
            save(browser, "client-state");

            browser.evaluate("(() => { const s = document.getElementById('handshake');"
                    + " s.value = 'tls13-ec-dhe-with-certificate'; s.dispatchEvent(new Event('change')); })()");
            browser.waitFor("document.querySelector('#figure')");
            String figure = browser.evaluate("document.querySelector('#figure').textContent");
            assertTrue(figure.contains("ClientHello") && figure.contains("{Finished}"), figure);
            assertEquals("START → WAIT_SH → WAIT_EE → WAIT_CERT_CR → WAIT_CV → WAIT_FINISHED → CONNECTED",
                    browser.evaluate("document.querySelector('#path').textContent")
                            .replace("Path of the client: ", ""));
            assertEquals("7", browser.evaluate(
                    "document.querySelectorAll('#view-teaching-tls13 g.node.on-path').length"));
            assertTrue(Integer.parseInt(browser.evaluate(
                    "document.querySelectorAll('#view-teaching-tls13 g.edge.on-path').length")) >= 6);
            save(browser, "client-handshake");

            browser.click("document.querySelector('#transitions a.rfc-link')");
            browser.waitFor("document.querySelector('#rfc-text')");
            String rfc = browser.evaluate("document.querySelector('#rfc-text').textContent");
            assertTrue(rfc.startsWith("4.3.1.  Encrypted Extensions"), rfc);

            browser.click("document.getElementById('search')");
            browser.type("4.6.1");
            browser.waitFor("document.querySelectorAll('#results li').length > 0");
            String results = browser.evaluate("document.querySelector('#results').innerText");
            assertTrue(results.contains("RFC 8446 §4.6.1"), results);
            save(browser, "client-search");
        }
    }

    @Test
    void serverPageOpensTheFullDiagramAndListsAStatesTransitions() throws Exception {
        try (HeadlessChromium browser = open("server")) {
            browser.click("document.getElementById('show-full')");
            browser.waitFor("document.getElementById('view-full').classList.contains('on')");
            browser.click("[...document.querySelectorAll('#view-full g.node')]"
                    + ".find(g => g.querySelector('title').textContent === 'START')");
            browser.waitFor("document.querySelector('#transitions')");
            String panel = browser.evaluate("document.querySelector('#state-panel').innerText");
            assertTrue(panel.contains("CLIENT_HELLO"), panel);
            save(browser, "server-full");
        }
    }

    private static HeadlessChromium open(String role) throws IOException, InterruptedException {
        Optional<Path> chromium = HeadlessChromium.executable();
        assumeTrue(chromium.isPresent(), "Chromium is not installed (apt-get install chromium chromium-driver):"
                + " the explorer's browser test is skipped");
        HeadlessChromium browser = HeadlessChromium.open(chromium.get(), PAGES.resolve(role + ".html").toAbsolutePath()
                .toUri());
        browser.waitFor("document.body && document.body.dataset.ready === 'true'");
        return browser;
    }

    /** Saves a screenshot and checks it is a PNG with more than a few colours (not a blank or failed page). */
    private static void save(HeadlessChromium browser, String name) throws IOException {
        byte[] png = browser.screenshot();
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null && image.getWidth() >= 800 && image.getHeight() >= 600,
                name + " is not a page-sized PNG");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, name + " has only " + colours.size() + " colours: blank?");
    }
}
