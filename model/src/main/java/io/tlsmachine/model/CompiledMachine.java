package io.tlsmachine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link MachineDefinition} as an immutable {@code [state][input × epoch] → edges} table, built once;
 * {@link #step} allocates nothing on success.
 *
 * @param <S> the role's state enum
 * @param <P> the role's steps port
 */
public final class CompiledMachine<S extends Enum<S> & ModelState, P> {

    private static final int EPOCHS = Epoch.values().length;
    private static final int COLUMNS = Input.values().length * EPOCHS;

    private final Transition<S, P>[][][] table;

    @SuppressWarnings({"unchecked", "rawtypes"})
    CompiledMachine(MachineDefinition<S, P> definition) {
        S[] states = definition.stateType().getEnumConstants();
        List<List<List<Transition<S, P>>>> cells = new ArrayList<>();
        for (int s = 0; s < states.length; s++) {
            List<List<Transition<S, P>>> row = new ArrayList<>();
            for (int c = 0; c < COLUMNS; c++) {
                row.add(new ArrayList<>());
            }
            cells.add(row);
        }
        for (Transition<S, P> t : definition.transitions()) {
            cells.get(t.from().ordinal()).get(column(t.input(), t.epoch())).add(t);
        }
        table = new Transition[states.length][COLUMNS][];
        for (int s = 0; s < states.length; s++) {
            for (int c = 0; c < COLUMNS; c++) {
                table[s][c] = cells.get(s).get(c).toArray(new Transition[0]);
            }
        }
    }

    private static int column(Input input, Epoch epoch) {
        return input.ordinal() * EPOCHS + epoch.ordinal();
    }

    /**
     * Returns the transition of (state, input, epoch) whose guard holds under {@code facts}, or {@code null}
     * when there is none. Allocation-free.
     */
    public Transition<S, P> find(S state, Input input, Epoch epoch, Negotiated facts) {
        Transition<S, P>[] edges = table[state.ordinal()][column(input, epoch)];
        for (Transition<S, P> edge : edges) {
            if (edge.guard().test(facts)) {
                return edge;
            }
        }
        return null;
    }

    /**
     * Returns the transition to take, or throws {@link UnexpectedMessage}: the one place where an undeclared
     * (state, input, epoch) becomes a fatal unexpected_message.
     */
    public Transition<S, P> step(S state, Input input, Epoch epoch, Negotiated facts) {
        Transition<S, P> edge = find(state, input, epoch, facts);
        if (edge == null) {
            throw new UnexpectedMessage(state, input, epoch);
        }
        return edge;
    }

    /** Tells whether any transition is declared for (state, input, epoch), whatever the facts. */
    public boolean declares(S state, Input input, Epoch epoch) {
        return table[state.ordinal()][column(input, epoch)].length > 0;
    }
}
