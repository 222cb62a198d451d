package io.tlsmachine.verification.checker;

import io.tlsmachine.model.CompiledMachine;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Transition;
import java.util.List;

/** Wraps one side's definition so the composed checker can address its states by ordinal. */
final class Party {

    final String tag;
    final List<? extends ModelState> states;
    final int initial;
    final int failed;
    private final CompiledMachine<?, ?> compiled;

    <S extends Enum<S> & ModelState> Party(String tag, MachineDefinition<S, ?> definition) {
        this.tag = tag;
        this.states = List.of(definition.stateType().getEnumConstants());
        this.initial = definition.initial().ordinal();
        this.failed = Enum.valueOf(definition.stateType(), "FAILED").ordinal();
        this.compiled = definition.compiled();
    }

    ModelState state(int ordinal) {
        return states.get(ordinal);
    }

    /** Returns the enabled transition, or null (an unexpected_message). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Transition<?, ?> find(int state, Input input, Epoch epoch, Negotiated facts) {
        return ((CompiledMachine) compiled).find((Enum) states.get(state), input, epoch, facts);
    }
}
