package io.tlsmachine.verification.model;

import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Transition;

/**
 * Watches the transitions a machine takes along a path and says when one breaks a safety property: a small
 * automaton whose memory is an int (a few flag bits), run in product with the machine by {@link PathSearch}.
 */
public interface Monitor {

    /** Tests a transition taken under some facts. */
    @FunctionalInterface
    interface Edge {
        boolean test(Transition<?, ?> t, Negotiated facts);
    }

    /** Returns the memory at the initial state. */
    default int initial() {
        return 0;
    }

    /** Returns the memory after taking {@code t}. */
    int next(int memory, Transition<?, ?> t, Negotiated facts);

    /** Returns why taking {@code t} with this memory breaks the property, or {@code null} when it does not. */
    String violation(int memory, Transition<?, ?> t, Negotiated facts);

    /** Forbids every transition matching {@code bad}, wherever it is reachable. */
    static Monitor never(Edge bad, String reason) {
        return new Monitor() {
            @Override
            public int next(int memory, Transition<?, ?> t, Negotiated facts) {
                return 0;
            }

            @Override
            public String violation(int memory, Transition<?, ?> t, Negotiated facts) {
                return bad.test(t, facts) ? reason : null;
            }
        };
    }

    /** Forbids a transition matching {@code forbidden} until one matching {@code marker} has been taken. */
    static Monitor notBefore(Edge marker, Edge forbidden, String reason) {
        return markerSeen(marker, forbidden, 0, reason);
    }

    /** Forbids a transition matching {@code forbidden} once one matching {@code marker} has been taken. */
    static Monitor notAfter(Edge marker, Edge forbidden, String reason) {
        return markerSeen(marker, forbidden, 1, reason);
    }

    /**
     * One bit of memory, set for good once a transition matching {@code marker} is taken; a transition matching
     * {@code forbidden} breaks the property while the bit is {@code forbiddenWhile}.
     */
    private static Monitor markerSeen(Edge marker, Edge forbidden, int forbiddenWhile, String reason) {
        return new Monitor() {
            @Override
            public int next(int memory, Transition<?, ?> t, Negotiated facts) {
                return memory == 1 || marker.test(t, facts) ? 1 : 0;
            }

            @Override
            public String violation(int memory, Transition<?, ?> t, Negotiated facts) {
                return memory == forbiddenWhile && forbidden.test(t, facts) ? reason : null;
            }
        };
    }

    /** Forbids taking a transition matching {@code counted} a second time. */
    static Monitor atMostOnce(Edge counted, String reason) {
        return notAfter(counted, counted, reason);
    }
}
