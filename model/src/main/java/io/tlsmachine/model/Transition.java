package io.tlsmachine.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Declares one edge of a machine: in {@code from}, on {@code input} under {@code epoch}, when {@code guard}
 * holds, run {@code step}, send {@code outputs} in order and move to {@code to}.
 *
 * @param <S> the role's state enum
 * @param <P> the role's steps port
 * @param rfc the RFC section this edge implements (e.g. {@code RFC 8446 §4.1.3})
 */
public record Transition<S extends Enum<S> & ModelState, P>(
        S from, Input input, Epoch epoch, Guard guard, S to, Step<P> step, List<Output> outputs, String rfc) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(rfc, "rfc");
        outputs = List.copyOf(outputs);
        if (input.local() != (epoch == Epoch.LOCAL)) {
            throw new IllegalArgumentException("local inputs, and only they, use epoch LOCAL: " + input + "@" + epoch);
        }
        if (from.terminal()) {
            throw new IllegalArgumentException("no transition leaves a terminal state: " + from);
        }
    }

    /** Returns the diagram label {@code INPUT@epoch [guard] / outputs}. */
    public String label() {
        StringBuilder sb = new StringBuilder(input.name()).append('@').append(epoch.label());
        if (guard != Guard.ALWAYS) {
            sb.append(" [").append(guard.label()).append(']');
        }
        if (!outputs.isEmpty()) {
            sb.append(" / ").append(outputs.stream().map(Output::label).collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    /**
     * Returns the outputs whose guard holds under {@code facts}, in order; when all hold (the common case, e.g. every
     * application data record) the declared list itself, so the engine's per-record path allocates nothing here.
     */
    public List<Output> outputsFor(Negotiated facts) {
        for (int i = 0; i < outputs.size(); i++) {
            if (!outputs.get(i).guard().test(facts)) {
                return outputs.stream().filter(o -> o.guard().test(facts)).toList();
            }
        }
        return outputs;
    }
}
