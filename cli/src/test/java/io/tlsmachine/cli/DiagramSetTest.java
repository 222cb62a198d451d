package io.tlsmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.export.DiagramFormat;
import io.tlsmachine.model.export.DiagramScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The demo's diagram set: every format the README lists, for both machines and every scope; SCXML is valid XML. */
class DiagramSetTest {

    /** The README's list of diagram formats, from the line documenting {@code diagram --format}. */
    private static Set<String> formatsTheReadmeLists() throws IOException {
        Matcher list = Pattern.compile("full view: ([a-z |]+), --out DIR").matcher(Files.readString(Path.of("../README.md")));
        assertThat(list.find()).as("the README's diagram --format list").isTrue();
        return Arrays.stream(list.group(1).split("\\|")).map(String::strip).collect(Collectors.toSet());
    }

    @Test
    void writesEveryFormatTheReadmeListsForBothMachinesAndEveryScope(@TempDir Path folder) throws Exception {
        Set<String> listed = formatsTheReadmeLists();
        assertThat(listed).contains("dot", "mermaid", "plantuml", "scxml");

        List<Path> written = DiagramSet.writeAll(folder);

        for (String format : listed) {
            if (format.equals("svg")) {
                continue; // written only where Graphviz is installed
            }
            String extension = DiagramFormat.valueOf(format.toUpperCase(Locale.ROOT)).extension();
            for (String machine : List.of("client", "server")) {
                for (DiagramScope scope : DiagramScope.values()) {
                    Path file = folder.resolve(machine + "-" + scope.name().toLowerCase(Locale.ROOT) + "." + extension);
                    assertThat(written).as(format).contains(file);
                    assertThat(Files.size(file)).as(file.toString()).isPositive();
                }
            }
        }
    }

    @Test
    void theScxmlFilesAreXmlDocumentsNamingTheirMachine(@TempDir Path folder) throws Exception {
        DiagramSet.writeAll(folder);

        for (String machine : List.of("client", "server")) {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(folder.resolve(machine + "-all.scxml").toFile()).getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("scxml");
            assertThat(root.getAttribute("name")).isEqualTo(machine);
            assertThat(root.getElementsByTagName("transition").getLength()).isPositive();
        }
    }
}
