package io.tlsmachine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps specs/machines/VOCABULARY.md in step with the enums: every name used in code is listed there. */
class VocabularyDocumentTest {

    private static final Path VOCABULARY = Path.of("../specs/machines/VOCABULARY.md");

    @Test
    void vocabularyListsEveryStateInputGuardEpochAndMessage() throws IOException {
        String text = Files.readString(VOCABULARY);
        List<String> names = new ArrayList<>();
        for (ClientState s : ClientState.values()) {
            names.add("`" + s.name() + "`");
        }
        for (ServerState s : ServerState.values()) {
            names.add("`" + s.name() + "`");
        }
        for (Input i : Input.values()) {
            names.add("`" + i.name() + "`");
        }
        for (Epoch e : Epoch.values()) {
            names.add("`" + e.name() + "`");
        }
        for (Guard g : Guard.values()) {
            names.add("`" + g.name() + "` | `" + g.label() + "`");
        }
        for (Message m : Message.values()) {
            names.add("`" + m.label() + "`");
        }
        assertThat(names).allSatisfy(name -> assertThat(text).as("VOCABULARY.md lists %s", name).contains(name));
    }

    @Test
    void vocabularyListsEveryFact() throws IOException {
        String text = Files.readString(VOCABULARY);
        for (var component : Negotiated.class.getRecordComponents()) {
            assertThat(text).contains("`" + component.getName() + "`");
        }
    }
}
