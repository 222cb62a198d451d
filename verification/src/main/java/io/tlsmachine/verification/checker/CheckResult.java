package io.tlsmachine.verification.checker;

import java.util.Map;

/**
 * Reports one composed exploration: its size and, per property id, the shortest counterexample found (empty when
 * every property holds).
 *
 * @param adversary the network configuration
 * @param runs facts combinations explored (each a complete breadth-first exploration)
 * @param states reachable composed states, summed over the runs
 * @param transitions moves explored, summed over the runs
 * @param depth the greatest breadth-first depth of any run
 * @param bothConnected states in which both sides are connected
 * @param millis wall-clock time
 * @param violations property id → shortest counterexample, printed
 */
public record CheckResult(Adversary adversary, int runs, long states, long transitions, int depth, long bothConnected,
        long millis, Map<String, String> violations) {

    /** Tells whether no property was violated. */
    public boolean holds() {
        return violations.isEmpty();
    }

    /** Returns the one-line summary: configuration, size, time and verdict. */
    public String summary() {
        return String.format("adversary %-7s: %d facts combinations, %,d states, %,d transitions, depth %d, "
                + "%,d both-connected states, %d ms: %s", adversary, runs, states, transitions, depth, bothConnected,
                millis, holds() ? "no violation" : violations.size() + " properties VIOLATED " + violations.keySet());
    }
}
