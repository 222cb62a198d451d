package io.tlsmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Runs {@code tlsmachine check} as the command line does and reads what it prints. */
class CheckCommandTest {

    private static String run(int expectedStatus, String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new CheckCommand());
        commandLine.setOut(new PrintWriter(out));
        int status = commandLine.execute(args);
        System.out.print(out);
        assertThat(status).as(out.toString()).isEqualTo(expectedStatus);
        return out.toString();
    }

    @Test
    void checkIsRegisteredAsACommandLineSubcommand() {
        List<String> names = ServiceLoader.load(CliSubcommand.class).stream().map(p -> p.get().name()).toList();
        assertThat(names).contains("check");
    }

    @Test
    void printsStatesTransitionsDepthAndTimeAndExitsZeroOnTheRealModel() {
        String out = run(0, "--adversary", "none", "--tls", "1.3", "--property", "1", "P21", "22");
        assertThat(out).contains("P1   holds", "P21  holds", "P22  holds")
                .doesNotContain("P3 ")
                .containsPattern("adversary none   : 288 facts combinations, [\\d,]+ states, [\\d,]+ transitions, depth \\d+, "
                        + "[\\d,]+ both-connected states, \\d+ ms: no violation")
                .contains("budget per run: 0 drops, 0 duplicates, 0 injections, reordering off")
                .endsWith("No violation.\n");
    }

    @Test
    void rejectsAnUnknownAdversary() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new CheckCommand());
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute("--adversary", "wizard")).isNotZero();
    }
}
