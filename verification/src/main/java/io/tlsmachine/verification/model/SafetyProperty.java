package io.tlsmachine.verification.model;

import java.util.List;
import java.util.function.Function;

/**
 * Names one numbered property of {@code specs/properties.md} and the check that proves it over a pair of
 * definitions; the check returns one readable line (or counterexample) per violation, empty when it holds.
 *
 * @param id the property number, e.g. {@code P3}
 * @param statement the property in one sentence, as in properties.md
 * @param check the check over the definitions
 */
public record SafetyProperty(String id, String statement, Function<Machines, List<String>> check) {

    /** Runs the check. */
    public List<String> violations(Machines machines) {
        return check.apply(machines);
    }

    @Override
    public String toString() {
        return id + " " + statement;
    }
}
