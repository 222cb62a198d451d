package io.tlsmachine.cli;

import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.verification.checker.Adversary;
import io.tlsmachine.verification.checker.CheckResult;
import io.tlsmachine.verification.checker.ComposedChecker;
import io.tlsmachine.verification.checker.Moves;
import io.tlsmachine.verification.model.Machines;
import io.tlsmachine.verification.model.SafetyProperties;
import io.tlsmachine.verification.model.SafetyProperty;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs {@code tlsmachine check}: the numbered properties of each machine (SafetyProperties) and the composed
 * exploration of client × server × network under the chosen adversary; prints the sizes and exits 1 on a violation.
 */
@Command(name = "check", mixinStandardHelpOptions = true, version = TlsMachineCli.VERSION,
        description = "Model-check the client and server machines composed over a network with an adversary.")
public final class CheckCommand implements CliSubcommand, Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--adversary", description = "none, passive or active (default: ${DEFAULT-VALUE})",
            defaultValue = "active")
    private String adversary;

    @Option(names = "--injections", description = "override the adversary's injection budget per run")
    private Integer injections;

    @Option(names = "--drops", description = "override the network's drop budget per run")
    private Integer drops;

    @Option(names = "--duplicates", description = "override the network's duplicate budget per run")
    private Integer duplicates;

    @Option(names = "--tls", description = "TLS version: 1.2, 1.3 or all (default: ${DEFAULT-VALUE})", defaultValue = "all")
    private String version;

    @Option(names = "--property", arity = "1..*", description = "only these property numbers (e.g. 1 21 or P21)")
    private List<String> property = new ArrayList<>();

    @Override
    public String name() {
        return "check";
    }

    @Override
    public Object command() {
        return new CheckCommand();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Adversary named = Adversary.named(adversary);
        Adversary chosen = new Adversary(named.name(), drops == null ? named.drops() : drops,
                duplicates == null ? named.duplicates() : duplicates, named.reorders(),
                injections == null ? named.injections() : injections);
        Set<ProtocolVersion> versions = versions(version);
        Predicate<String> selected = selection(property);
        Machines real = Machines.real();
        boolean ok = true;
        for (SafetyProperty p : SafetyProperties.all()) {
            if (!selected.test(p.id())) {
                continue;
            }
            List<String> violations = p.violations(real);
            out.printf("  %-4s %s  %s%n", p.id(), violations.isEmpty() ? "holds " : "FAILS ", p.statement());
            if (!violations.isEmpty()) {
                out.println("       " + violations.get(0).replace("\n", "\n       "));
                ok = false;
            }
        }
        CheckResult result = ComposedChecker.check(real, chosen, versions, selected);
        out.printf("Composed (client x server x network), versions %s, budget per run: %d drops, %d duplicates, "
                + "%d injections, reordering %s, at most %d records in flight per direction:%n", versions, chosen.drops(),
                chosen.duplicates(), chosen.injections(), chosen.reorders() ? "on" : "off", Moves.CAPACITY);
        out.println("  " + result.summary());
        result.violations().forEach((id, text) -> out.println("  " + text.replace("\n", "\n  ")));
        ok &= result.holds();
        out.println(ok ? "No violation." : "VIOLATION found.");
        out.flush();
        return ok ? 0 : 1;
    }

    /** Parses {@code 1.2}, {@code 1.3} or {@code all}. */
    static Set<ProtocolVersion> versions(String version) {
        return switch (version) {
            case "1.2" -> EnumSet.of(ProtocolVersion.TLS12);
            case "1.3" -> EnumSet.of(ProtocolVersion.TLS13);
            case "all" -> EnumSet.allOf(ProtocolVersion.class);
            default -> throw new IllegalArgumentException("--tls must be 1.2, 1.3 or all: " + version);
        };
    }

    /** Returns the property filter: all when none is named; {@code 21} and {@code P21} both name P21. */
    static Predicate<String> selection(List<String> names) {
        if (names.isEmpty()) {
            return id -> true;
        }
        Set<String> ids = new java.util.HashSet<>();
        names.forEach(n -> ids.add(n.toUpperCase(java.util.Locale.ROOT).startsWith("P") ? n.toUpperCase(java.util.Locale.ROOT) : "P" + n));
        return ids::contains;
    }
}
