package io.tlsmachine.cli;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.export.DiagramFormat;
import io.tlsmachine.model.export.DiagramScope;
import io.tlsmachine.model.export.DiagramView;
import io.tlsmachine.model.server.ServerMachine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints or writes the state diagrams, generated from the executable model. */
@Command(name = "diagram", mixinStandardHelpOptions = true, version = TlsMachineCli.VERSION,
        description = "Print or write state diagrams generated from the executable model.")
final class DiagramCommand implements Callable<Integer> {
    /** Which machine to draw. */
    enum MachineChoice { client, server, all }

    /** Which output format. */
    enum FormatChoice { dot, mermaid, plantuml, svg, scxml, text }

    /** Which view. */
    enum ViewChoice { teaching, full, sequence }

    @Spec
    private CommandSpec spec;

    @Option(names = "--machine", description = "client, server or all (default: ${DEFAULT-VALUE})", defaultValue = "all")
    private MachineChoice machine;

    @Option(names = "--tls", description = "TLS version: 1.2, 1.3 or all (default: ${DEFAULT-VALUE})", defaultValue = "all")
    private String version;

    @Option(names = "--format", description = "dot, mermaid, plantuml, svg or scxml; the sequence view: text or svg"
            + " (default: dot, text for the sequence view)")
    private FormatChoice format;

    @Option(names = "--view", description = "teaching (happy paths, for a slide), full (every transition) or sequence"
            + " (the message-sequence figures of every handshake type) (default: ${DEFAULT-VALUE})", defaultValue = "full")
    private ViewChoice view;

    @Option(names = "--out", description = "write files into this folder instead of printing")
    private Path out;

    @Override
    public Integer call() throws IOException {
        DiagramScope scope = DiagramSet.scope(version);
        PrintWriter stdout = spec.commandLine().getOut();
        if (view == ViewChoice.sequence && format != null && format != FormatChoice.text && format != FormatChoice.svg) {
            spec.commandLine().getErr().println("tlsmachine: the sequence view has text and svg formats, not " + format);
            return 2;
        }
        if (view == ViewChoice.sequence) {
            return DiagramSet.sequences(scope, format == FormatChoice.svg, out, stdout, spec.commandLine().getErr());
        }
        if (format == null) {
            format = FormatChoice.dot;
        }
        if (format == FormatChoice.svg && out == null && machine == MachineChoice.all) {
            out = Path.of(".");
            spec.commandLine().getErr().println("tlsmachine: one SVG document per machine: writing them to the current "
                    + "folder (choose another with --out, or one machine with --machine)");
        }
        for (MachineDefinition<?, ?> definition : machines()) {
            Optional<String> text = render(definition, scope);
            if (text.isEmpty()) {
                spec.commandLine().getErr().println(format == FormatChoice.svg
                        ? "tlsmachine: Graphviz 'dot' is not installed (or failed): no SVG (install the graphviz package)"
                        : "tlsmachine: the " + view + " view has no " + format + " format");
                return 2;
            }
            if (out == null) {
                stdout.print(text.get());
            } else {
                Path file = out.resolve((view == ViewChoice.teaching ? "teaching-" : "")
                        + DiagramSet.fileName(definition, scope, extension()));
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
        DiagramView chosen = DiagramView.parse(view.name());
        return switch (format) {
            case svg -> chosen.svg(definition, scope);
            case text -> Optional.empty();
            default -> chosen.text(definition, scope, DiagramFormat.valueOf(format.name().toUpperCase(Locale.ROOT)));
        };
    }

    private String extension() {
        return format == FormatChoice.svg || format == FormatChoice.text ? format.name()
                : DiagramFormat.valueOf(format.name().toUpperCase(Locale.ROOT)).extension();
    }
}
