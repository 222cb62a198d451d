package io.tlsmachine.cli;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.VersionRegion;
import io.tlsmachine.model.analysis.ModelSummary;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.server.ServerMachine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The main job: real TLS 1.3 and TLS 1.2 handshakes between our client and server on loopback, then a summary
 * of both machines (states per version region, transitions, handshake types) and every diagram.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, version = TlsMachineCli.VERSION,
        description = "Run real TLS 1.3 and 1.2 handshakes on loopback, summarise both machines, write their diagrams.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", description = "folder for the diagrams (default: ${DEFAULT-VALUE})",
            defaultValue = "out/diagrams")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("== real handshakes over loopback (our client and our server, both driven by the model)");
        List<LoopbackDemo.Outcome> outcomes = new LoopbackDemo(stdout).run();
        long failed = outcomes.stream().filter(outcome -> !outcome.passed()).count();
        stdout.println();
        stdout.printf("== handshakes: %d of %d passed (version, key exchange group, full or resumed)%n",
                outcomes.size() - failed, outcomes.size());
        outcomes.forEach(outcome -> stdout.println(outcome.summaryLine()));
        stdout.println();
        stdout.println("== tlsmachine: the model");
        describe(stdout, ClientMachine.definition());
        describe(stdout, ServerMachine.definition());
        stdout.println();
        stdout.println("== summary (every facts combination walked, client and server composed)");
        stdout.println(ModelSummary.compute().render());
        stdout.println();
        stdout.println("== diagrams (generated from the executable model)");
        List<Path> files = DiagramSet.writeAll(out);
        for (Path file : files) {
            stdout.println("  " + file);
        }
        if (files.stream().noneMatch(f -> f.toString().endsWith(".svg"))) {
            stdout.println("  (no SVG: install Graphviz 'dot' to render them)");
        }
        if (failed > 0) {
            stdout.println();
            stdout.println("demo: " + failed + " handshake scenario(s) FAILED");
        }
        stdout.flush();
        return failed == 0 ? 0 : 1;
    }

    private static void describe(PrintWriter out, MachineDefinition<?, ?> definition) {
        out.printf("%s machine: %d states, %d inputs, %d transitions%n", definition.role(),
                definition.states().size(), definition.inputs().size(), definition.transitions().size());
        for (VersionRegion region : VersionRegion.values()) {
            out.printf("  %-7s %s%n", region, definition.statesIn(region).stream()
                    .map(Object::toString).collect(Collectors.joining(" ")));
        }
    }
}
