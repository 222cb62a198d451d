package io.tlsmachine.impl.vectors;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * One section of the example-trace file: a whole handshake (e.g. "Simple 1-RTT Handshake") as the
 * list of its steps in file order.
 */
public record TraceScenario(int section, String title, List<TraceStep> steps) {
    public TraceScenario {
        steps = List.copyOf(steps);
    }

    /** Returns every step of {@code side} whose action is {@code action}, in file order. */
    public List<TraceStep> steps(TraceSide side, String action) {
        return steps.stream().filter(s -> s.side() == side && s.action().equals(action)).toList();
    }

    /** Returns the one step of {@code side} with this action that shows values (not a "same as" one). */
    public TraceStep step(TraceSide side, String action) {
        List<TraceStep> found = steps(side, action).stream().filter(s -> !s.isSameAsAnother()).toList();
        if (found.size() != 1) {
            throw new NoSuchElementException(
                    "section " + section + " has " + found.size() + " steps {" + side.name().toLowerCase() + "} " + action);
        }
        return found.get(0);
    }

    /** Returns the step with values of this action, whichever side shows it. */
    public TraceStep step(String action) {
        List<TraceStep> found = steps.stream().filter(s -> s.action().equals(action) && !s.isSameAsAnother()).toList();
        if (found.size() != 1) {
            throw new NoSuchElementException("section " + section + " has " + found.size() + " steps " + action);
        }
        return found.get(0);
    }

    @Override
    public String toString() {
        return section + ". " + title;
    }
}
