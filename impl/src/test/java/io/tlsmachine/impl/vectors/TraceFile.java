package io.tlsmachine.impl.vectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the TLS 1.3 example traces of {@code tls13-vectors-draft-latest.txt}
 * (draft-ietf-tls-tls13-vectors, the text that became RFC 8448) into scenarios, steps and values.
 *
 * <p>The file is an RFC-formatted text: page footers and headers are dropped (a value may continue
 * across a page break), each {@code {client}}/{@code {server}} heading starts a step, and each
 * value is a label, an optional "(N octets)" and hex that may wrap. Every declared octet count is
 * checked against the hex read, so a parsing slip fails loudly instead of yielding a wrong vector.
 *
 * <p>Location: the system property {@code tlsm.vectors}, else the first {@code
 * specs/rfc/tls13-vectors-draft-latest.txt} of the repository (see {@link ReferenceFiles}).
 */
public final class TraceFile {
    public static final String FILE_NAME = "tls13-vectors-draft-latest.txt";

    private static final Pattern SECTION = Pattern.compile("^(\\d+)\\.  (\\S.*)$");
    private static final Pattern HEADING = Pattern.compile("^   \\{(client|server)\\}  (.*)$");
    private static final Pattern VALUE = Pattern.compile("^ {6}([A-Za-z][A-Za-z ]*?)(?: \\((\\d+) octets?\\))?:\\s+(.*)$");
    private static final Pattern HEX_CONTINUATION = Pattern.compile("^ {9}[0-9a-f]{2}( [0-9a-f]{2})*$");
    private static final Pattern HEX = Pattern.compile("^[0-9a-f]{2}( [0-9a-f]{2})*$");
    private static final Pattern PAGE_FOOTER = Pattern.compile("^Thomson\\s+Expires .*\\[Page \\d+\\]$");
    private static final Pattern PAGE_HEADER = Pattern.compile("^Internet-Draft\\s+TLS 1\\.3 Traces\\s+.*$");

    /** The first and last sections holding traces (3. Simple 1-RTT ... 7. Compatibility Mode). */
    private static final int FIRST_TRACE_SECTION = 3;
    private static final int LAST_TRACE_SECTION = 7;

    private static TraceFile loaded;

    private final List<TraceScenario> scenarios;

    private TraceFile(List<TraceScenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    /** Returns the parsed trace file (read once per test JVM). */
    public static synchronized TraceFile load() {
        if (loaded == null) {
            Path path = locate();
            try {
                loaded = parse(Files.readAllLines(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        return loaded;
    }

    /** Returns the path of the trace file (see the class comment). */
    public static Path locate() {
        String configured = System.getProperty("tlsm.vectors");
        if (configured != null) {
            return Paths.get(configured);
        }
        return ReferenceFiles.find(FILE_NAME);
    }

    public List<TraceScenario> scenarios() {
        return scenarios;
    }

    /** Returns the scenario of this section number (3 to 7). */
    public TraceScenario scenario(int section) {
        return scenarios.stream()
                .filter(s -> s.section() == section)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no trace section " + section));
    }

    /** Parses the lines of the file. */
    public static TraceFile parse(List<String> rawLines) {
        List<String> lines = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < rawLines.size(); i++) {
            String line = rawLines.get(i);
            if (line.indexOf('\f') >= 0 || PAGE_FOOTER.matcher(line).matches() || PAGE_HEADER.matcher(line).matches()) {
                continue;
            }
            lines.add(line.stripTrailing());
            lineNumbers.add(i + 1);
        }
        return new Parser(lines, lineNumbers).parse();
    }

    /** A single pass over the cleaned lines. */
    private static final class Parser {
        private final List<String> lines;
        private final List<Integer> lineNumbers;
        private final List<TraceScenario> scenarios = new ArrayList<>();
        private int index;

        Parser(List<String> lines, List<Integer> lineNumbers) {
            this.lines = lines;
            this.lineNumbers = lineNumbers;
        }

        TraceFile parse() {
            int section = -1;
            String sectionTitle = null;
            List<TraceStep> steps = new ArrayList<>();
            while (index < lines.size()) {
                String line = lines.get(index);
                Matcher sectionMatch = SECTION.matcher(line);
                Matcher headingMatch = HEADING.matcher(line);
                if (sectionMatch.matches()) {
                    finishScenario(section, sectionTitle, steps);
                    section = Integer.parseInt(sectionMatch.group(1));
                    sectionTitle = sectionMatch.group(2).trim();
                    steps = new ArrayList<>();
                    index++;
                } else if (headingMatch.matches() && inTraces(section)) {
                    steps.add(readStep(headingMatch));
                } else {
                    index++;
                }
            }
            finishScenario(section, sectionTitle, steps);
            return new TraceFile(scenarios);
        }

        private static boolean inTraces(int section) {
            return section >= FIRST_TRACE_SECTION && section <= LAST_TRACE_SECTION;
        }

        private void finishScenario(int section, String title, List<TraceStep> steps) {
            if (inTraces(section)) {
                scenarios.add(new TraceScenario(section, title, steps));
            }
        }

        private TraceStep readStep(Matcher headingMatch) {
            int headingLine = lineNumbers.get(index);
            TraceSide side = TraceSide.valueOf(headingMatch.group(1).toUpperCase());
            StringBuilder heading = new StringBuilder(headingMatch.group(2).trim());
            index++;
            while (index < lines.size() && !lines.get(index).isBlank()) {
                heading.append(' ').append(lines.get(index).trim());
                index++;
            }
            Map<String, byte[]> values = new LinkedHashMap<>();
            while (true) {
                skipBlankLines();
                if (index >= lines.size()) {
                    break;
                }
                Matcher valueMatch = VALUE.matcher(lines.get(index));
                if (!valueMatch.matches()) {
                    break;
                }
                String label = valueMatch.group(1);
                if (values.containsKey(label)) {
                    throw new IllegalStateException("line " + lineNumbers.get(index) + ": second \"" + label + "\" in one step");
                }
                values.put(label, readValue(valueMatch));
            }
            return new TraceStep(side, heading.toString(), values, headingLine);
        }

        private byte[] readValue(Matcher valueMatch) {
            int valueLine = lineNumbers.get(index);
            String label = valueMatch.group(1);
            String first = valueMatch.group(3).trim();
            index++;
            byte[] value;
            if (first.equals("(empty)")) {
                value = new byte[0];
            } else if (first.equals("0 (all zero octets)")) {
                value = new byte[0];
            } else if (HEX.matcher(first).matches()) {
                StringBuilder hex = new StringBuilder(first);
                while (true) {
                    int next = nextNonBlank();
                    if (next < lines.size() && HEX_CONTINUATION.matcher(lines.get(next)).matches()) {
                        hex.append(' ').append(lines.get(next).trim());
                        index = next + 1;
                    } else {
                        break;
                    }
                }
                value = decodeHex(hex.toString());
            } else {
                throw new IllegalStateException("line " + valueLine + ": cannot read the value of \"" + label + "\": " + first);
            }
            if (valueMatch.group(2) != null) {
                int declared = Integer.parseInt(valueMatch.group(2));
                if (declared != value.length) {
                    throw new IllegalStateException("line " + valueLine + ": \"" + label + "\" declares " + declared
                            + " octets but shows " + value.length);
                }
            }
            return value;
        }

        private void skipBlankLines() {
            index = nextNonBlank();
        }

        private int nextNonBlank() {
            int next = index;
            while (next < lines.size() && lines.get(next).isBlank()) {
                next++;
            }
            return next;
        }

        private static byte[] decodeHex(String spaced) {
            String[] pairs = spaced.split(" ");
            byte[] out = new byte[pairs.length];
            for (int i = 0; i < pairs.length; i++) {
                out[i] = (byte) Integer.parseInt(pairs[i], 16);
            }
            return out;
        }
    }
}
