package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import io.tlsmachine.TransitionListener;
import io.tlsmachine.TakenTransition;
import java.util.ArrayList;
import java.util.List;

/** Records an engine's transitions (add it with {@link TlsEngine#addTransitionListener}) and prints its model path. */
public final class TraceRecorder implements TransitionListener {

    private final List<TakenTransition> transitions = new ArrayList<>();

    @Override
    public void onTransition(TakenTransition taken) {
        transitions.add(taken);
    }

    /** Returns the transitions taken so far, in order. */
    public List<TakenTransition> transitions() {
        return List.copyOf(transitions);
    }

    /** Returns the states visited, the first transition's source first, without repeating self-loops. */
    public List<String> states() {
        List<String> states = new ArrayList<>();
        for (TakenTransition t : transitions) {
            if (states.isEmpty()) {
                states.add(t.from().name());
            }
            if (!states.get(states.size() - 1).equals(t.to().name())) {
                states.add(t.to().name());
            }
        }
        return states;
    }

    /** Returns the path as {@code START -> WAIT_SH -> ... -> CONNECTED}. */
    public String path() {
        return String.join(" -> ", states());
    }

    @Override
    public String toString() {
        return path();
    }
}
