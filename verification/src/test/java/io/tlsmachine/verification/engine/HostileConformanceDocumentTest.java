package io.tlsmachine.verification.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.analysis.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Generates specs/conformance.md from the hostile-peer catalogue (the count of cases per category, role and version,
 * and the findings) and fails when the committed file drifted; {@code -Dtlsmachine.regenerate=true} rewrites it.
 */
class HostileConformanceDocumentTest {

    @Test
    void conformanceDocumentIsUpToDate() throws IOException {
        Path file = root().resolve("specs/conformance.md");
        String generated = generate(HostileCatalogue.sample());
        if (Boolean.getBoolean("tlsmachine.regenerate")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertThat(file).as("%s exists (generate it with -Dtlsmachine.regenerate=true)", file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8).lines().toList())
                .as("specs/conformance.md drifted from the hostile-peer catalogue; regenerate with"
                        + " -Dtlsmachine.regenerate=true")
                .containsExactlyElementsOf(generated.lines().toList());
    }

    static String generate(HostileCatalogue catalogue) {
        List<HostileCase> cases = catalogue.cases();
        StringBuilder md = new StringBuilder("# Field-level hostile-peer conformance\n\n")
                .append("Generated from `HostileCatalogue` by `HostileConformanceDocumentTest` (regenerate with")
                .append(" `-Dtlsmachine.regenerate=true`); do not edit by hand.\n\n")
                .append("`HostileSuiteTest` plays each case against a fresh engine of the honest script of one of the")
                .append(" sample scenarios (`HandshakeScenario.all()`), with the honest record at one place replaced")
                .append(" by the same message with one field broken. Each case names the RFC sentence it tests and the")
                .append(" exact alert that sentence requires (the engine must end FAILED having sent it), or requires")
                .append(" the change to be ignored (the engine must reach the state the honest record leads to).\n\n")
                .append("Cases: ").append(cases.size()).append(" (alert expected: ")
                .append(cases.stream().filter(c -> c.expected().isPresent()).count()).append(", must be ignored: ")
                .append(cases.stream().filter(c -> c.expected().isEmpty()).count()).append("). Known findings (the")
                .append(" engine differs from the RFC; tagged `finding`, excluded from the default build): ")
                .append(cases.stream().filter(c -> HostileFindings.of(c).isPresent()).count()).append(".\n\n")
                .append("| category | our server, TLS 1.3 | our server, TLS 1.2 | our client, TLS 1.3 |")
                .append(" our client, TLS 1.2 | total |\n|---|---|---|---|---|---|\n");
        Map<String, int[]> rows = new TreeMap<>();
        for (HostileCase c : cases) {
            int column = (c.role() == Role.SERVER ? 0 : 2) + (c.version() == ProtocolVersion.TLS13 ? 0 : 1);
            int[] row = rows.computeIfAbsent(c.category(), k -> new int[5]);
            row[column]++;
            row[4]++;
        }
        int[] total = new int[5];
        rows.forEach((category, row) -> {
            md.append("| ").append(category);
            for (int i = 0; i < 5; i++) {
                md.append(" | ").append(row[i]);
                total[i] += row[i];
            }
            md.append(" |\n");
        });
        md.append("| **all**");
        for (int n : total) {
            md.append(" | **").append(n).append("**");
        }
        md.append(" |\n\n## Findings\n\n");
        if (HostileFindings.FINDINGS.isEmpty()) {
            return md.append("None: the engine sends what the RFC sentence of every case requires.\n").toString();
        }
        md.append("| finding | cases | what the engine does |\n|---|---|---|\n");
        for (HostileFindings.Finding f : HostileFindings.FINDINGS) {
            long n = cases.stream().filter(c -> HostileFindings.of(c).map(x -> x == f).orElse(false)).count();
            md.append("| ").append(f.id()).append(" | ").append(n).append(" | ").append(f.engineDoes().replace("|", "\\|"))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("specs/machines"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new UncheckedIOException(new IOException("no specs/machines above " + Path.of("").toAbsolutePath()));
        }
        return dir;
    }
}
