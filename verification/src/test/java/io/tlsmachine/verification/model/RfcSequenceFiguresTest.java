package io.tlsmachine.verification.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.export.SequenceFigures.ReferenceFigure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compares our message-sequence figures with the RFC's own (RFC 8446 §2 Figures 1-4, RFC 5246 §7.3 Figures 1-2,
 * copied verbatim under {@code specs/rfc/}).
 *
 * <p>Normalisation, and why: both figures are read into messages (side, name with its {@code () {} []} marks,
 * whether the flight's arrow is on it, its {@code +} extensions), so column widths and blank lines do not count;
 * Figure 1's margin brackets ("Key Exch", "Server Params", "Auth") are dropped, as they annotate and are not
 * messages. Then the messages and the arrows must be the same, in the same order. A {@code *} of ours must be one of
 * the RFC's too (the RFC stars more: it also covers cases we do not model, e.g. anonymous TLS 1.2 suites without a
 * server Certificate, and marks Figure 4's early_data in EncryptedExtensions though every 0-RTT handshake has it).
 * Every extension the RFC lists under a message must be under ours (we may list more: Figure 3 leaves out the
 * psk_key_exchange_modes that Figure 4 shows on the same ClientHello), starred only where the RFC stars it.
 */
class RfcSequenceFiguresTest {

    private static final Pattern LEFT_MARGIN = Pattern.compile("^(Key|Exch|Auth|\\^|\\||v)$");
    private static final Pattern RIGHT_MARGIN = Pattern.compile("^(\\^|\\||v|Key|Exch|Server|Params|Auth)$");

    /** One message of a figure. */
    record Msg(boolean server, String name, boolean starred, List<String> extensions, boolean endsFlight) {

        Set<String> extensionNames() {
            Set<String> names = new LinkedHashSet<>();
            extensions.forEach(e -> names.add(e.replace("*", "")));
            return names;
        }

        boolean starredExtension(String name) {
            return extensions.contains(name + "*");
        }

        @Override
        public String toString() {
            return (server ? "S " : "C ") + name + (starred ? "*" : "") + extensions + (endsFlight ? " ->" : "");
        }
    }

    @ParameterizedTest
    @EnumSource(ReferenceFigure.class)
    void ourFigureDrawsTheRfcsMessagesFlightsMarksAndExtensions(ReferenceFigure figure) {
        String rfc = RepoFiles.readOrNull(RepoFiles.path("specs/rfc/" + figure.fileName() + ".txt"));
        assertThat(rfc).as("specs/rfc/%s.txt", figure.fileName()).isNotNull();
        String ours = figure.figure().body();
        assertThat(differences(rfc, ours)).as("%s%nours:%n%s%nRFC:%n%s", figure, ours, rfc).isEmpty();
    }

    @Test
    void theComparisonCatchesAMissingMessageAMovedArrowAndAnExtraStar() {
        String rfc = RepoFiles.readOrNull(RepoFiles.path("specs/rfc/rfc5246-figure-2.txt"));
        assertThat(differences(rfc, rfc)).isEmpty();
        assertThat(differences(rfc, rfc.replace("[ChangeCipherSpec]\n", "\n"))).isNotEmpty();
        assertThat(differences(rfc, rfc.replace("ClientHello                   -------->", "ClientHello"))).isNotEmpty();
        assertThat(differences(rfc, rfc.replace("ServerHello", "ServerHello*"))).isNotEmpty();
        String figure1 = RepoFiles.readOrNull(RepoFiles.path("specs/rfc/rfc8446-figure-1.txt"));
        assertThat(differences(figure1, figure1.replace("+ signature_algorithms*", "+ supported_groups*"))).isNotEmpty();
    }

    /** Returns how {@code ours} differs from the RFC's figure {@code rfc}, after the normalisation above. */
    static List<String> differences(String rfc, String ours) {
        List<String> rfcHeadings = new ArrayList<>();
        List<String> ourHeadings = new ArrayList<>();
        List<List<Msg>> expected = parse(rfc, rfcHeadings);
        List<List<Msg>> actual = parse(ours, ourHeadings);
        List<String> differences = new ArrayList<>();
        if (!ourHeadings.equals(rfcHeadings)) {
            differences.add("headings " + ourHeadings + ", the RFC's " + rfcHeadings);
        }
        if (actual.size() != expected.size()) {
            differences.add(actual.size() + " handshakes, the RFC draws " + expected.size());
            return differences;
        }
        for (int s = 0; s < expected.size(); s++) {
            List<Msg> want = expected.get(s);
            List<Msg> got = actual.get(s);
            if (want.size() != got.size()) {
                differences.add("handshake " + s + ": " + got + ", the RFC draws " + want);
                continue;
            }
            for (int i = 0; i < want.size(); i++) {
                Msg w = want.get(i);
                Msg g = got.get(i);
                if (w.server() != g.server() || !w.name().equals(g.name()) || w.endsFlight() != g.endsFlight()) {
                    differences.add("ours " + g + ", RFC " + w);
                }
                if (g.starred() && !w.starred()) {
                    differences.add("ours stars " + g + ", the RFC does not");
                }
                if (!g.extensionNames().containsAll(w.extensionNames())) {
                    differences.add("ours " + g + " lacks extensions of the RFC's " + w);
                }
                for (String e : w.extensionNames()) {
                    if (g.starredExtension(e) && !w.starredExtension(e)) {
                        differences.add("ours stars extension " + e + " of " + g + ", the RFC does not");
                    }
                }
            }
        }
        return differences;
    }

    /** Reads a figure into its handshakes (each ends with the application data line) and its headings. */
    static List<List<Msg>> parse(String figure, List<String> headings) {
        List<List<Msg>> sections = new ArrayList<>();
        List<Msg> current = new ArrayList<>();
        boolean header = true;
        for (String line : figure.lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            if (header) {
                assertThat(line.trim().split("\\s+")).containsExactly("Client", "Server");
                header = false;
                continue;
            }
            if (line.contains("<------->")) {
                sections.add(current);
                current = new ArrayList<>();
                continue;
            }
            boolean toServer = line.contains("-------->");
            boolean toClient = line.contains("<--------");
            String text = toServer ? line.substring(0, line.indexOf("-------->"))
                    : toClient ? line.substring(line.indexOf("<--------") + 9) : line;
            boolean server = toClient || (!toServer && line.length() - line.stripLeading().length() >= 30);
            String cleaned = stripMargins(text);
            if (cleaned.endsWith(":")) {
                headings.add(cleaned);
                continue;
            }
            if (cleaned.startsWith("+ ")) {
                Msg last = current.remove(current.size() - 1);
                List<String> extensions = new ArrayList<>(last.extensions());
                extensions.add(cleaned.substring(2).trim());
                current.add(new Msg(last.server(), last.name(), last.starred(), extensions, toServer || toClient));
            } else if (!cleaned.isEmpty()) {
                current.add(new Msg(server, cleaned.replace("*", ""), cleaned.contains("*"), List.of(), toServer || toClient));
            }
        }
        assertThat(current).as("messages after the last application data line").isEmpty();
        return sections;
    }

    private static String stripMargins(String text) {
        List<String> tokens = new ArrayList<>(List.of(text.trim().split("\\s+")));
        while (!tokens.isEmpty() && LEFT_MARGIN.matcher(tokens.get(0)).matches()) {
            tokens.remove(0);
        }
        while (!tokens.isEmpty() && RIGHT_MARGIN.matcher(tokens.get(tokens.size() - 1)).matches()) {
            tokens.remove(tokens.size() - 1);
        }
        return String.join(" ", tokens);
    }
}
