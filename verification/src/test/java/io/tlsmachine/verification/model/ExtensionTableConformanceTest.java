package io.tlsmachine.verification.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.extension.ExtensionContext;
import io.tlsmachine.impl.codec.extension.ExtensionRules;
import io.tlsmachine.impl.codec.types.ExtensionType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Compares the hand-written extension table (specs/extensions/extensions.tsv, transcribed from the RFCs) with the
 * code's one declaration ({@link ExtensionRules}), cell by cell, in both directions.
 */
class ExtensionTableConformanceTest {
    static final Path FILE = RepoFiles.path("specs/extensions/extensions.tsv");
    private static final String HEADER =
            "code\tname\tdefined_in\ttls13\ttls13_rfc\ttls12\ttls12_rfc\tunsolicited_in\tunsolicited_rfc";
    private static final List<String> COMPARED = List.of("name", "tls13", "tls12", "unsolicited_in");

    /** RFC 8446 §4.2's abbreviations, in the order the RFC introduces them. */
    static final Map<ExtensionContext, String> ABBREVIATIONS = abbreviations();

    @Test
    void specTableEqualsTheCodeTable() {
        List<String> differences = differences(readSpec(), codeTable());
        assertThat(differences)
                .as("cells that differ between specs/extensions/extensions.tsv and ExtensionRules (%d spec rows, "
                        + "%d code rows)", readSpec().size(), ExtensionRules.rows().size())
                .isEmpty();
    }

    @Test
    void aChangedCellIsReportedWithBothValues() {
        Map<String, Map<String, String>> spec = readSpec();
        spec.get("0x000B").put("tls12", "CH");
        spec.remove("0xFF01");
        assertThat(differences(spec, codeTable())).containsExactly(
                "0x000B ec_point_formats tls12: spec 'CH', code 'CH, SH'",
                "0xFF01 renegotiation_info: only in the code");
    }

    @Test
    void everyNamedExtensionTypeHasARowAndEveryRowCitesAnRfc() {
        Map<String, Map<String, String>> spec = readSpec();
        List<String> named = Arrays.stream(ExtensionType.class.getFields())
                .filter(f -> f.getType() == ExtensionType.class)
                .map(f -> code(readConstant(f))).sorted().toList();
        assertThat(new TreeSet<>(spec.keySet())).as("rows of extensions.tsv").containsExactlyElementsOf(named);
        assertThat(spec.values()).allSatisfy(row -> assertThat(List.of(row.get("defined_in"), row.get("tls13_rfc"),
                row.get("tls12_rfc"))).allMatch(c -> c.matches("RFC\\d{4} [0-9.]+"), "cite an RFC section"));
    }

    /** Returns the cells that differ, one readable line each, or nothing when the two tables are equal. */
    static List<String> differences(Map<String, Map<String, String>> spec, Map<String, Map<String, String>> code) {
        List<String> out = new ArrayList<>();
        Set<String> codes = new TreeSet<>(spec.keySet());
        codes.addAll(code.keySet());
        for (String c : codes) {
            Map<String, String> s = spec.get(c);
            Map<String, String> k = code.get(c);
            if (s == null || k == null) {
                out.add(c + " " + (s == null ? k : s).get("name") + ": only in the " + (s == null ? "code" : "spec"));
                continue;
            }
            for (String column : COMPARED) {
                if (!s.get(column).equals(k.get(column))) {
                    out.add(c + " " + k.get("name") + " " + column + ": spec '" + s.get(column) + "', code '"
                            + k.get(column) + "'");
                }
            }
        }
        return out;
    }

    /** Reads the spec table: code point to column to cell, message cells normalised to the RFC's order. */
    static Map<String, Map<String, String>> readSpec() {
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(lines.get(0)).as("header of %s", FILE).isEqualTo(HEADER);
        List<String> columns = List.of(HEADER.split("\t"));
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            assertThat(cells).as("cells of '%s'", line).hasSize(columns.size());
            Map<String, String> row = new TreeMap<>();
            for (int i = 0; i < cells.length; i++) {
                row.put(columns.get(i), cells[i]);
            }
            for (String column : List.of("tls13", "tls12", "unsolicited_in")) {
                row.put(column, normalised(row.get(column)));
            }
            assertThat(rows.put(row.get("code"), row)).as("a second row for %s", row.get("code")).isNull();
        }
        return rows;
    }

    /** Returns the code table in the spec's form. */
    static Map<String, Map<String, String>> codeTable() {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (ExtensionRules.Row r : ExtensionRules.rows()) {
            Map<String, String> row = new TreeMap<>();
            row.put("name", r.type().name());
            row.put("tls13", cell(r.tls13()));
            row.put("tls12", cell(r.tls12()));
            row.put("unsolicited_in", cell(r.unsolicitedIn()));
            rows.put(code(r.type()), row);
        }
        return rows;
    }

    static String cell(Set<ExtensionContext> messages) {
        return messages.isEmpty() ? "-" : ABBREVIATIONS.entrySet().stream().filter(e -> messages.contains(e.getKey()))
                .map(Map.Entry::getValue).collect(Collectors.joining(", "));
    }

    private static String normalised(String cell) {
        if (cell.equals("-")) {
            return cell;
        }
        Set<String> given = Arrays.stream(cell.split(",")).map(String::trim).collect(Collectors.toSet());
        assertThat(ABBREVIATIONS.values()).as("message abbreviations in '%s'", cell).containsAll(given);
        return ABBREVIATIONS.values().stream().filter(given::contains).collect(Collectors.joining(", "));
    }

    private static String code(ExtensionType type) {
        return String.format("0x%04X", type.code());
    }

    private static ExtensionType readConstant(java.lang.reflect.Field field) {
        try {
            return (ExtensionType) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<ExtensionContext, String> abbreviations() {
        Map<ExtensionContext, String> m = new EnumMap<>(ExtensionContext.class);
        m.put(ExtensionContext.CLIENT_HELLO, "CH");
        m.put(ExtensionContext.SERVER_HELLO, "SH");
        m.put(ExtensionContext.HELLO_RETRY_REQUEST, "HRR");
        m.put(ExtensionContext.ENCRYPTED_EXTENSIONS, "EE");
        m.put(ExtensionContext.CERTIFICATE, "CT");
        m.put(ExtensionContext.CERTIFICATE_REQUEST, "CR");
        m.put(ExtensionContext.NEW_SESSION_TICKET, "NST");
        assertThat(m).as("an abbreviation for every message").hasSize(ExtensionContext.values().length);
        return m;
    }
}
