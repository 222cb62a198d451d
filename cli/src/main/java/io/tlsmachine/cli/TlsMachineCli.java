package io.tlsmachine.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tlsmachine} command line: diagrams and the demo here; other modules add subcommands
 * (such as the model checker) through {@link java.util.ServiceLoader} of {@link CliSubcommand}.
 */
@Command(
        name = "tlsmachine",
        mixinStandardHelpOptions = true,
        version = TlsMachineCli.VERSION,
        description = "TLS 1.2 and TLS 1.3 handshakes as explicit, typed, model-checked state machines.",
        footerHeading = "%nExit status:%n",
        footer = {ExitStatus.TABLE})
public final class TlsMachineCli implements Runnable {
    /** What {@code --version} prints, on every command. */
    static final String VERSION = "tlsmachine 0.1.0";

    /**
     * The built-in subcommands, in the order help lists them. Picocli reads a command's annotations when it is added,
     * from classes that class-data sharing cannot archive (picocli is Java 5 bytecode), so a run of one of them adds
     * only that one: {@code tlsmachine client} starts without reading the other five.
     */
    private static final Map<String, Supplier<Object>> BUILT_IN = builtIn();

    private static Map<String, Supplier<Object>> builtIn() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("demo", DemoCommand::new);
        commands.put("server", ServerCommand::new);
        commands.put("client", ClientCommand::new);
        commands.put("diagram", DiagramCommand::new);
        commands.put("explore", ExploreCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "print the stack trace of a failure (after its one-line message)")
    private boolean debug;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (for tests). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output and error writers and returns its exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new TlsMachineCli());
        Supplier<Object> chosen = args.length == 0 ? null : BUILT_IN.get(args[0]);
        if (chosen != null) {
            commandLine.addSubcommand(args[0], chosen.get());
        } else {
            BUILT_IN.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
            commandLine.addSubcommand("help", new CommandLine.HelpCommand());
            for (CliSubcommand extra : ServiceLoader.load(CliSubcommand.class)) {
                commandLine.addSubcommand(extra.name(), extra.command());
            }
        }
        commandLine.setOut(out).setErr(err);
        FailureReport report = new FailureReport(Arrays.asList(args).contains("--debug"));
        return commandLine.setExecutionExceptionHandler(report).setParameterExceptionHandler(report).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
