package io.tlsmachine.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.ServiceLoader;
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
        footer = {ExitStatus.TABLE},
        subcommands = {DemoCommand.class, ServerCommand.class, ClientCommand.class, DiagramCommand.class,
                ExploreCommand.class, CommandLine.HelpCommand.class})
public final class TlsMachineCli implements Runnable {
    /** What {@code --version} prints, on every command. */
    static final String VERSION = "tlsmachine 0.1.0";

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
        for (CliSubcommand extra : ServiceLoader.load(CliSubcommand.class)) {
            commandLine.addSubcommand(extra.name(), extra.command());
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
