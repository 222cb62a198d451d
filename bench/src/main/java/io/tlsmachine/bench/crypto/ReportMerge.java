package io.tlsmachine.bench.crypto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Merges a run of some benchmarks (a JMH include pattern) into an existing {@code CRYPTO.md}: the rows measured
 * now replace or join the table, the other rows and the header of the full run stay (its workloads line as this
 * code describes them), and one line says which rows were measured when and how.
 */
final class ReportMerge {
    private static final String TABLE_HEADER = "| primitive |";
    private static final String NOTE = "- Rows re-measured";
    private static final String WORKLOADS = "- Workloads:";

    private ReportMerge() {}

    static String merge(String existing, String partial, String include, String settings) {
        TreeMap<String, String> rows = tableRows(existing);
        List<String> measured = new ArrayList<>();
        tableRows(partial).forEach((primitive, line) -> {
            rows.put(primitive, line);
            measured.add(primitive);
        });
        List<String> header = new ArrayList<>(List.of(existing.substring(0, existing.indexOf(TABLE_HEADER)).split("\n")));
        while (!header.isEmpty() && header.get(header.size() - 1).isBlank()) {
            header.remove(header.size() - 1);
        }
        // the workloads line of this code's report, which may describe rows the full run did not have
        String workloads = partial.lines().filter(line -> line.startsWith(WORKLOADS)).findFirst().orElse(null);
        if (workloads != null) {
            header.replaceAll(line -> line.startsWith(WORKLOADS) ? workloads : line);
        }
        // an earlier note whose rows are all measured again no longer describes any row
        header.removeIf(line -> line.startsWith(NOTE) && measured.containsAll(
                List.of(line.substring(line.lastIndexOf("): ") + 3, line.length() - 1).split(", "))));
        StringBuilder out = new StringBuilder(String.join("\n", header)).append('\n');
        out.append(NOTE).append(" on ").append(Instant.now()).append(" (include `").append(include)
                .append("`, ").append(settings).append("): ").append(String.join(", ", measured)).append(".\n\n");
        out.append(TABLE_HEADER).append(" jdk (µs/op) | bc (µs/op) | jdk/bc | chosen |\n|---|---:|---:|---:|---|\n");
        rows.values().forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /** The table's rows by primitive, sorted as the full report sorts them. */
    private static TreeMap<String, String> tableRows(String markdown) {
        TreeMap<String, String> rows = new TreeMap<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith(TABLE_HEADER)) {
                rows.put(line.split("\\|")[1].trim(), line);
            }
        }
        return rows;
    }
}
