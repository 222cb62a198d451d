package io.tlsmachine.model;

import java.util.Objects;

/**
 * Runs one connection on the compiled table: the production runner (no Squirrel, no allocation per event).
 * Not thread-safe: one instance per connection.
 */
public final class TableMachine<S extends Enum<S> & ModelState, P> implements MachineRunner<S, P> {

    private final CompiledMachine<S, P> table;
    /** The port {@link #fire} runs steps on; null for a runner whose caller runs them ({@link #take}). */
    private final P port;
    private final S failedState;
    private S state;
    private Negotiated facts;

    /** Creates a runner in {@code state} that runs each transition's step on {@code port}. */
    public TableMachine(MachineDefinition<S, P> definition, S state, P port, Negotiated facts) {
        this(definition, state, facts, Objects.requireNonNull(port, "port"));
    }

    /** Creates a runner in {@code state} whose caller runs the steps ({@link #take} only; {@link #fire} refuses). */
    public static <S extends Enum<S> & ModelState, P> TableMachine<S, P> takingOnly(MachineDefinition<S, P> definition,
            S state, Negotiated facts) {
        return new TableMachine<>(definition, state, facts, null);
    }

    private TableMachine(MachineDefinition<S, P> definition, S state, Negotiated facts, P port) {
        this.table = definition.compiled();
        this.port = port;
        this.failedState = Enum.valueOf(definition.stateType(), "FAILED");
        this.state = Objects.requireNonNull(state, "state");
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    @Override
    public S state() {
        return state;
    }

    @Override
    public Negotiated facts() {
        return facts;
    }

    @Override
    public void updateFacts(Negotiated facts) {
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    @Override
    public Transition<S, P> fire(Input input, Epoch epoch) {
        if (port == null) {
            throw new IllegalStateException("this runner takes transitions; its caller runs the steps");
        }
        Transition<S, P> edge;
        try {
            edge = table.step(state, input, epoch, facts);
            facts = edge.step().apply(port, facts);
        } catch (RuntimeException | Error e) {
            state = failedState;
            throw e;
        }
        state = edge.to();
        return edge;
    }

    @Override
    public Transition<S, P> take(Input input, Epoch epoch) {
        Transition<S, P> edge;
        try {
            edge = table.step(state, input, epoch, facts);
        } catch (RuntimeException | Error e) {
            state = failedState;
            throw e;
        }
        state = edge.to();
        return edge;
    }
}
