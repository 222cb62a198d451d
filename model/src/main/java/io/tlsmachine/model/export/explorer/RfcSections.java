package io.tlsmachine.model.export.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the RFC citations of transitions ({@code RFC8446 4.6.1; RFC5246 7.2.2}) and extracts the cited sections
 * from RFC text files; the page bundles the extracts from {@value #RESOURCE}, a generated resource.
 */
public final class RfcSections {

    /** The bundled extracts, next to this class: {@code %%% id} lines, each followed by the section's text. */
    public static final String RESOURCE = "rfc-sections.txt";

    private static final String MARK = "%%% ";
    private static final Pattern CITATION = Pattern.compile("RFC\\s?(\\d{4})\\s+§?([0-9A-Z]+(?:\\.[0-9]+)*)");
    private static final Pattern HEADING = Pattern.compile("^(?:Appendix )?[0-9A-Z]+(?:\\.[0-9]+)*\\.\\s+\\S.*");
    private static final Pattern PAGE_LINE = Pattern.compile(".*\\[Page \\d+]\\s*|RFC \\d{4} {2,}.*|\\f.*");

    /**
     * One cited section.
     *
     * @param rfc the RFC number, e.g. {@code 8446}
     * @param number the section number, e.g. {@code 4.6.1} or {@code A.1}
     */
    public record Section(String rfc, String number) {

        /** Returns the page's anchor id, e.g. {@code rfc8446-4.6.1}. */
        public String id() {
            return "rfc" + rfc + "-" + number;
        }

        /** Returns the reader's label, e.g. {@code RFC 8446 §4.6.1}. */
        public String label() {
            return "RFC " + rfc + " §" + number;
        }
    }

    private RfcSections() {
    }

    /** Returns the sections a transition's citation names, in order. */
    public static List<Section> parse(String citation) {
        List<Section> sections = new ArrayList<>();
        Matcher m = CITATION.matcher(citation);
        while (m.find()) {
            sections.add(new Section(m.group(1), m.group(2)));
        }
        return sections;
    }

    /**
     * Returns the text of section {@code number} of an RFC (its heading and body up to the next heading, without page
     * headers and footers), or empty when the text has no such heading at the start of a line.
     */
    public static String extract(String rfcText, String number) {
        String[] lines = rfcText.split("\r?\n", -1);
        String start = (number.matches("[A-Z]") ? "Appendix " : "") + number + ".";
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        for (String line : lines) {
            boolean heading = HEADING.matcher(line).matches();
            if (inside && heading) {
                break;
            }
            if (!inside && heading && line.startsWith(start) && Character.isWhitespace(line.charAt(start.length()))) {
                inside = true;
            }
            if (inside && !PAGE_LINE.matcher(line).matches()) {
                out.append(line).append('\n');
            }
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Returns the bundle text for {@code texts} (section id to text), in the resource's format. */
    public static String bundle(Map<String, String> texts) {
        StringBuilder out = new StringBuilder();
        texts.forEach((id, text) -> out.append(MARK).append(id).append('\n').append(text).append("\n\n"));
        return out.toString();
    }

    /** Returns the bundled section texts by id, in the resource's order. */
    public static Map<String, String> bundled() {
        try (InputStream in = RfcSections.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, String> texts = new LinkedHashMap<>();
            String id = null;
            StringBuilder text = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith(MARK)) {
                    if (id != null) {
                        texts.put(id, text.toString().strip());
                    }
                    id = line.substring(MARK.length()).trim();
                    text.setLength(0);
                } else {
                    text.append(line).append('\n');
                }
            }
            if (id != null) {
                texts.put(id, text.toString().strip());
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
