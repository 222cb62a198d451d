package io.tlsmachine.cli;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.export.DiagramFormat;
import io.tlsmachine.model.export.DiagramScope;
import io.tlsmachine.model.server.ServerMachine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints or writes the state diagrams, generated from the executable model. */
@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = "Print or write state diagrams generated from the executable model.")
final class DiagramCommand implements Callable<Integer> {
    /** Which machine to draw. */
    enum MachineChoice { client, server, all }

    /** Which output format. */
    enum FormatChoice { dot, mermaid, svg, scxml }

    @Spec
    private CommandSpec spec;

    @Option(names = "--machine", description = "client, server or all (default: ${DEFAULT-VALUE})", defaultValue = "all")
    private MachineChoice machine;

    @Option(names = "--version", description = "1.2, 1.3 or all (default: ${DEFAULT-VALUE})", defaultValue = "all")
    private String version;

    @Option(names = "--format", description = "dot, mermaid, svg or scxml (default: ${DEFAULT-VALUE})", defaultValue = "dot")
    private FormatChoice format;

    @Option(names = "--out", description = "write files into this folder instead of printing")
    private Path out;

    @Override
    public Integer call() throws IOException {
        DiagramScope scope = DiagramSet.scope(version);
        PrintWriter stdout = spec.commandLine().getOut();
        for (MachineDefinition<?, ?> definition : machines()) {
            Optional<String> text = render(definition, scope);
            if (text.isEmpty()) {
                spec.commandLine().getErr().println("tlsmachine: Graphviz 'dot' is not installed (or failed): no SVG");
                return 2;
            }
            if (out == null) {
                stdout.print(text.get());
            } else {
                Path file = out.resolve(DiagramSet.fileName(definition, scope, extension()));
                Files.createDirectories(out);
                Files.writeString(file, text.get(), StandardCharsets.UTF_8);
                stdout.println(file);
            }
        }
        stdout.flush();
        return 0;
    }

    private List<MachineDefinition<?, ?>> machines() {
        List<MachineDefinition<?, ?>> chosen = new ArrayList<>();
        if (machine != MachineChoice.server) {
            chosen.add(ClientMachine.definition());
        }
        if (machine != MachineChoice.client) {
            chosen.add(ServerMachine.definition());
        }
        return chosen;
    }

    private Optional<String> render(MachineDefinition<?, ?> definition, DiagramScope scope) {
        return switch (format) {
            case dot -> Optional.of(DiagramFormat.DOT.export(definition, scope));
            case mermaid -> Optional.of(DiagramFormat.MERMAID.export(definition, scope));
            case scxml -> Optional.of(DiagramFormat.SCXML.export(definition, scope));
            case svg -> DiagramSet.svg(definition, scope);
        };
    }

    private String extension() {
        return switch (format) {
            case dot -> DiagramFormat.DOT.extension();
            case mermaid -> DiagramFormat.MERMAID.extension();
            case scxml -> DiagramFormat.SCXML.extension();
            case svg -> "svg";
        };
    }
}
