package io.tlsmachine.verification.model;

import io.tlsmachine.model.Negotiated;
import java.util.List;

/**
 * Describes a shortest path that breaks a property: the facts, the transitions taken (as labels) and the reason.
 */
public record Counterexample(String role, Negotiated facts, List<String> path, String reason) {

    public Counterexample {
        path = List.copyOf(path);
    }

    @Override
    public String toString() {
        return role + ": " + reason + "\n    path: " + String.join("\n          ", path) + "\n    facts: " + facts;
    }
}
