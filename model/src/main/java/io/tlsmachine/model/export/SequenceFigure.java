package io.tlsmachine.model.export;

import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.analysis.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds one message-sequence figure in the style of RFC 8446 §2 and RFC 5246 §7.3 and lays it out as text: the
 * client's messages on the left, the server's on the right, an arrow on the last line of each flight, and the
 * application data both ways at the end of each handshake.
 *
 * @param title what the figure shows (e.g. {@code TLS 1.3, ECDHE, full handshake})
 * @param version the protocol version, which decides the closing line's marks
 * @param sections one part per handshake (RFC 8446 Figure 3 has two), each with an optional heading
 */
public record SequenceFigure(String title, ProtocolVersion version, List<Section> sections) {

    private static final String MARGIN = "        ";
    private static final int ARROW_COLUMN = 32;
    private static final int SERVER_END = 67;
    private static final String TO_SERVER = "-------->";
    private static final String TO_CLIENT = "<--------";
    private static final String BOTH_WAYS = "<------->";

    public SequenceFigure {
        sections = List.copyOf(sections);
    }

    /** One handshake of a figure: its heading ({@code Initial Handshake:}, or empty) and its messages. */
    public record Section(String heading, List<Entry> entries) {

        public Section {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One message: its side, its marked name ({@code {Certificate*}}), its noteworthy extensions ({@code key_share*})
     * and whether it ends its flight (then the arrow is drawn on its last line).
     */
    public record Entry(Role side, String text, List<String> extensions, boolean endsFlight) {

        public Entry {
            extensions = List.copyOf(extensions);
        }
    }

    /** Returns the figure without title or legend: the part compared with the RFC's own figures. */
    public String body() {
        String data = version == ProtocolVersion.TLS13 ? "[Application Data]" : "Application Data";
        List<String> lines = new ArrayList<>();
        lines.add(row(MARGIN + "Client", "Server"));
        for (Section section : sections) {
            lines.add("");
            if (!section.heading().isEmpty()) {
                lines.add("   " + section.heading());
            }
            for (Entry entry : section.entries()) {
                List<String> texts = new ArrayList<>();
                texts.add(entry.text());
                entry.extensions().forEach(e -> texts.add("+ " + e));
                for (int i = 0; i < texts.size(); i++) {
                    boolean arrow = entry.endsFlight() && i == texts.size() - 1;
                    lines.add(entry.side() == Role.CLIENT
                            ? (arrow ? pad(MARGIN + texts.get(i), ARROW_COLUMN) + TO_SERVER : MARGIN + texts.get(i))
                            : row(arrow ? pad("", ARROW_COLUMN) + TO_CLIENT : "", texts.get(i)));
                }
            }
            lines.add(row(pad(MARGIN + data, ARROW_COLUMN) + BOTH_WAYS, data));
        }
        return String.join("\n", lines.stream().map(String::stripTrailing).toList()) + "\n";
    }

    /** Returns the title, the figure and the legend of its marks. */
    public String text() {
        StringBuilder out = new StringBuilder(title).append("\n\n").append(body()).append('\n');
        out.append("   +  noteworthy extension of the message above\n");
        out.append("   *  optional or situation-dependent (absent in some handshakes this figure covers)\n");
        if (version == ProtocolVersion.TLS13) {
            out.append("   () protected with the client_early_traffic_secret's keys\n");
            out.append("   {} protected with the [sender]_handshake_traffic_secret's keys\n");
            out.append("   [] protected with the [sender]_application_traffic_secret_N's keys\n");
        } else {
            out.append("   [] ChangeCipherSpec, a protocol of its own, not a handshake message\n");
        }
        return out.toString();
    }

    private static String row(String left, String right) {
        return pad(left, Math.max(left.length() + 1, SERVER_END - right.length())) + right;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
