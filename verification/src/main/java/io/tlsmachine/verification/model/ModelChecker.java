package io.tlsmachine.verification.model;

import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every model check from the command line and prints a report: each numbered property on the real model
 * (with its first counterexample when it fails), the handshake types per version, the rejection matrix size and
 * how many mutants the properties catch. Exit status 1 when a property fails or a mutant survives.
 */
public final class ModelChecker {

    private ModelChecker() {
    }

    /** Runs the checks; {@code main} of the verification jar's model checker. */
    public static void main(String[] args) {
        System.exit(run(System.out) ? 0 : 1);
    }

    /** Runs the checks, prints the report and returns whether everything held. */
    public static boolean run(PrintStream out) {
        Machines real = Machines.real();
        boolean ok = true;
        out.println("Properties (specs/properties.md) on the model:");
        for (SafetyProperty p : SafetyProperties.all()) {
            List<String> violations = p.violations(real);
            out.printf("  %-4s %s  %s%n", p.id(), violations.isEmpty() ? "holds " : "FAILS ", p.statement());
            if (!violations.isEmpty()) {
                out.println("       " + violations.get(0).replace("\n", "\n       "));
                ok = false;
            }
        }
        Map<ProtocolVersion, Set<List<String>>> types = new EnumMap<>(ProtocolVersion.class);
        for (Negotiated facts : Negotiated.all()) {
            HandshakeComposer.Run run = HandshakeComposer.run(real, facts);
            if (run.completed()) {
                types.computeIfAbsent(facts.version(), v -> new HashSet<>()).add(run.trace());
            }
        }
        out.printf("Handshake types: TLS 1.3 %d, TLS 1.2 %d (over %d facts combinations)%n",
                types.getOrDefault(ProtocolVersion.TLS13, Set.of()).size(),
                types.getOrDefault(ProtocolVersion.TLS12, Set.of()).size(), Negotiated.all().size());
        int cases = Rejections.matrix(real.client()).size() + Rejections.matrix(real.server()).size();
        out.printf("Rejection matrix: %d (state, input, epoch) cases%n", cases);
        int caught = 0;
        for (Mutant mutant : Mutants.all()) {
            Machines broken = mutant.apply().apply(real);
            boolean killed = SafetyProperties.all().stream().anyMatch(p -> !p.violations(broken).isEmpty());
            if (killed) {
                caught++;
            } else {
                out.println("  mutant survives: " + mutant.id() + " " + mutant.description());
                ok = false;
            }
        }
        out.printf("Mutants caught by the properties: %d of %d%n", caught, Mutants.all().size());
        out.println(ok ? "All model checks hold." : "Some model checks FAIL.");
        return ok;
    }
}
