package io.tlsmachine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.server.ServerMachine;
import org.junit.jupiter.api.Test;

/**
 * Proves that the live Squirrel machine and the compiled table agree on every (state, input, epoch, facts) case:
 * same transition (hence same target, outputs and step), same port method called, or both unexpected_message.
 */
class SquirrelTableAgreementTest {

    @Test
    void clientSquirrelMachineAndCompiledTableAgreeEverywhere() {
        int cases = assertAgreement(ClientMachine.squirrel());
        assertThat(cases).isGreaterThan(10_000);
    }

    @Test
    void serverSquirrelMachineAndCompiledTableAgreeEverywhere() {
        int cases = assertAgreement(ServerMachine.squirrel());
        assertThat(cases).isGreaterThan(10_000);
    }

    @Test
    void squirrelHoldsExactlyTheDeclaredTransitionsOfBothMachines() {
        for (SquirrelDefinition<?, ?> squirrel : java.util.List.of(ClientMachine.squirrel(), ServerMachine.squirrel())) {
            java.util.List<String> declared = squirrel.definition().transitions().stream()
                    .map(t -> String.join("\t", t.from().name(), t.input().name(), t.epoch().name(), t.guard().label(),
                            t.to().name()))
                    .sorted().toList();
            java.util.List<String> held = squirrel.squirrelEdges().stream().map(SquirrelEdge::row).sorted().toList();
            assertThat(held).isEqualTo(declared);
        }
    }

    private static <S extends Enum<S> & ModelState, P> int assertAgreement(SquirrelDefinition<S, P> squirrel) {
        MachineDefinition<S, P> definition = squirrel.definition();
        CompiledMachine<S, P> table = definition.compiled();
        int cases = 0;
        for (S state : definition.states()) {
            for (Input input : Input.values()) {
                for (Epoch epoch : Epoch.values()) {
                    if (!table.declares(state, input, epoch)) {
                        assertDeclined(squirrel, state, input, epoch, Negotiated.tls13());
                        cases++;
                        continue;
                    }
                    for (Negotiated facts : Negotiated.all()) {
                        Transition<S, P> expected = table.find(state, input, epoch, facts);
                        if (expected == null) {
                            assertDeclined(squirrel, state, input, epoch, facts);
                        } else {
                            RecordingSteps<P> steps = new RecordingSteps<>(definition.stepsType());
                            StrictMachine<S, P> machine = squirrel.newMachine(state, steps.port, facts);
                            Transition<S, P> fired = machine.fire(input, epoch);
                            assertThat(fired).as("%s %s@%s %s", state, input, epoch, facts).isSameAs(expected);
                            assertThat(machine.state()).isEqualTo(expected.to());
                            assertThat(steps.calls).containsExactly(RecordingSteps.methodName(expected.step()));
                        }
                        cases++;
                    }
                }
            }
        }
        return cases;
    }

    private static <S extends Enum<S> & ModelState, P> void assertDeclined(SquirrelDefinition<S, P> squirrel, S state,
            Input input, Epoch epoch, Negotiated facts) {
        RecordingSteps<P> steps = new RecordingSteps<>(squirrel.definition().stepsType());
        StrictMachine<S, P> machine = squirrel.newMachine(state, steps.port, facts);
        UnexpectedMessage e = catchThrowableOfType(UnexpectedMessage.class, () -> machine.fire(input, epoch));
        assertThat(e).as("%s %s@%s %s", state, input, epoch, facts).isNotNull();
        assertThat(e.state()).isEqualTo(state);
        assertThat(e.input()).isEqualTo(input);
        assertThat(e.epoch()).isEqualTo(epoch);
        assertThat(steps.calls).isEmpty();
        assertThat(machine.state().name()).isEqualTo("FAILED");
    }
}
