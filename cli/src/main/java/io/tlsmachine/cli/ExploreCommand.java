package io.tlsmachine.cli;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.export.SequenceFigures;
import io.tlsmachine.model.export.SequenceFigures.HandshakeType;
import io.tlsmachine.model.export.explorer.ExplorerPage;
import io.tlsmachine.model.server.ServerMachine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the model explorer: one self-contained HTML page per machine, to open from {@code file://}. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Write the model explorer: one self-contained HTML page per machine (client.html, server.html).")
final class ExploreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, description = "the folder to write the pages into")
    private Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        List<HandshakeType> types = SequenceFigures.handshakeTypes();
        Files.createDirectories(out);
        for (MachineDefinition<?, ?> definition : List.of(ClientMachine.definition(), ServerMachine.definition())) {
            Path page = out.resolve(definition.role() + ".html");
            Files.writeString(page, ExplorerPage.html(definition, types), StandardCharsets.UTF_8);
            stdout.println(page);
        }
        stdout.flush();
        return 0;
    }
}
