package io.tlsmachine.verification.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.server.ServerMachine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compares the hand-written spec tables (specs/machines/*.tsv, transcribed from the RFCs) with the model's declared
 * transitions and with the transitions Squirrel was given, row by row, in both directions.
 */
class SpecTableConformanceTest {

    @Test
    void clientSpecTableEqualsTheClientDefinition() {
        assertTableEquals("client", ClientMachine.definition());
    }

    @Test
    void serverSpecTableEqualsTheServerDefinition() {
        assertTableEquals("server", ServerMachine.definition());
    }

    @Test
    void clientSpecTableEqualsTheSquirrelClientMachine() {
        assertSquirrelEquals("client", SquirrelTransitions.client());
    }

    @Test
    void serverSpecTableEqualsTheSquirrelServerMachine() {
        assertSquirrelEquals("server", SquirrelTransitions.server());
    }

    @Test
    void specTablesHaveNoDuplicateRowsAndEveryRowCitesAnRfc() {
        for (String role : List.of("client", "server")) {
            SpecTable spec = SpecTable.read(RepoFiles.path("specs/machines/" + role + ".tsv"));
            assertThat(spec.rows()).as("%s.tsv rows", role).isNotEmpty()
                    .allMatch(r -> r.rfc().matches("RFC\\d{4} .+"), "cite an RFC section")
                    .extracting(SpecRow::key).doesNotHaveDuplicates();
        }
    }

    private static void assertTableEquals(String role, MachineDefinition<?, ?> definition) {
        SpecTable spec = SpecTable.read(RepoFiles.path("specs/machines/" + role + ".tsv"));
        List<String> differences = spec.differences("spec", SpecTable.of(definition), "model");
        assertThat(differences)
                .as("%s: rows only in specs/machines/%s.tsv or only in the model (%d spec rows, %d model rows)",
                        role, role, spec.rows().size(), definition.transitions().size())
                .isEmpty();
    }

    private static void assertSquirrelEquals(String role, List<String> squirrelRows) {
        SpecTable spec = SpecTable.read(RepoFiles.path("specs/machines/" + role + ".tsv"));
        List<String> specRows = spec.rows().stream()
                .map(r -> String.join("\t", r.from(), r.input(), r.epoch(), r.guard(), r.to())).toList();
        SpecTable left = SpecTable.parse(withHeader(specRows), "spec");
        SpecTable right = SpecTable.parse(withHeader(squirrelRows), "squirrel");
        assertThat(left.differences("spec", right, "squirrel"))
                .as("%s: rows (without outputs) only in the spec or only in the Squirrel machine", role)
                .isEmpty();
    }

    /** Pads 5-column rows to the 7-column table format (no outputs, no RFC) so they compare as tables. */
    private static List<String> withHeader(List<String> fiveColumnRows) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(SpecTable.HEADER),
                fiveColumnRows.stream().map(r -> r + "\t-\t")).toList();
    }
}
