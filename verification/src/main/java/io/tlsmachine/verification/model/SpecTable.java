package io.tlsmachine.verification.model;

import io.tlsmachine.model.MachineDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a spec table ({@code specs/machines/client.tsv}, {@code server.tsv}), renders a model definition as one,
 * and lists the differences between two tables row by row.
 */
public final class SpecTable {

    /** The header line of every table. */
    public static final String HEADER = "from\tinput\tepoch\tguard\tto\toutputs\trfc";

    private final List<SpecRow> rows;

    private SpecTable(List<SpecRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Returns the rows in file (or declaration) order. */
    public List<SpecRow> rows() {
        return rows;
    }

    /** Renders every transition of a definition as a row, in declaration order. */
    public static SpecTable of(MachineDefinition<?, ?> definition) {
        return new SpecTable(definition.transitions().stream().map(SpecRow::of).toList());
    }

    /** Reads a table file; fails with the line number on a malformed row. */
    public static SpecTable read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses table lines: {@code #} comments and blank lines skipped, then the header, then 7-column rows. */
    public static SpecTable parse(List<String> lines, String source) {
        List<SpecRow> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException(source + ":" + (n + 1) + ": expected header '" + HEADER + "'");
                }
                headerSeen = true;
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 7) {
                throw new IllegalArgumentException(source + ":" + (n + 1) + ": expected 7 tab-separated cells, got "
                        + cells.length);
            }
            List<String> outputs = cells[5].equals("-") ? List.of()
                    : Arrays.stream(cells[5].split(",")).map(String::strip).toList();
            rows.add(new SpecRow(cells[0], cells[1], cells[2], cells[3], cells[4], outputs, cells[6]));
        }
        return new SpecTable(rows);
    }

    /** Returns the table as file text: header then rows. */
    public String toTsv(String comment) {
        StringBuilder sb = new StringBuilder("# ").append(comment).append('\n').append(HEADER).append('\n');
        rows.forEach(r -> sb.append(r.toTsv()).append('\n'));
        return sb.toString();
    }

    /**
     * Compares two tables by {@link SpecRow#key()} (a multiset: duplicates count) and returns readable lines,
     * sorted: {@code only in <thisName>: row} and {@code only in <otherName>: row}. Empty when equal.
     */
    public List<String> differences(String thisName, SpecTable other, String otherName) {
        Map<String, Integer> mine = counts(this);
        Map<String, Integer> theirs = counts(other);
        TreeSet<String> lines = new TreeSet<>();
        for (var e : mine.entrySet()) {
            int extra = e.getValue() - theirs.getOrDefault(e.getKey(), 0);
            for (int i = 0; i < extra; i++) {
                lines.add("only in " + thisName + ":\t" + e.getKey() + (i > 0 ? "\t(copy " + (i + 1) + ")" : ""));
            }
        }
        for (var e : theirs.entrySet()) {
            int extra = e.getValue() - mine.getOrDefault(e.getKey(), 0);
            for (int i = 0; i < extra; i++) {
                lines.add("only in " + otherName + ":\t" + e.getKey() + (i > 0 ? "\t(copy " + (i + 1) + ")" : ""));
            }
        }
        return List.copyOf(lines);
    }

    private static Map<String, Integer> counts(SpecTable table) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        table.rows.forEach(r -> counts.merge(r.key(), 1, Integer::sum));
        return counts;
    }
}
