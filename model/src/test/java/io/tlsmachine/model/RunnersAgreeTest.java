package io.tlsmachine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.server.ServerMachine;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Runs the table runner and the strict Squirrel runner side by side on seeded random walks; their traces must match. */
class RunnersAgreeTest {

    private static final long SEED = 0x7153_2026L;

    @Test
    void tableAndStrictRunnersProduceIdenticalTracesForTheClient() {
        assertRunnersAgree(ClientMachine.squirrel(), SEED);
    }

    @Test
    void tableAndStrictRunnersProduceIdenticalTracesForTheServer() {
        assertRunnersAgree(ServerMachine.squirrel(), SEED + 1);
    }

    @Test
    void tableRunnerFailsOnUnexpectedInputAndStaysFailed() {
        RecordingSteps<io.tlsmachine.model.client.ClientSteps> steps =
                new RecordingSteps<>(io.tlsmachine.model.client.ClientSteps.class);
        var client = ClientMachine.newTableMachine(steps.port, Negotiated.tls13());
        client.fire(Input.CONNECT, Epoch.LOCAL);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> client.fire(Input.FINISHED, Epoch.HANDSHAKE)))
                .isInstanceOf(UnexpectedMessage.class);
        assertThat(client.state()).isEqualTo(io.tlsmachine.model.client.ClientState.FAILED);
        assertThat(steps.calls).containsExactly("sendClientHello");
    }

    private static <S extends Enum<S> & ModelState, P> void assertRunnersAgree(SquirrelDefinition<S, P> squirrel, long seed) {
        MachineDefinition<S, P> definition = squirrel.definition();
        SplittableRandom random = new SplittableRandom(seed);
        List<Negotiated> all = Negotiated.all();
        for (int walk = 0; walk < 1_500; walk++) {
            Negotiated facts = all.get(random.nextInt(all.size()));
            RecordingSteps<P> tableSteps = new RecordingSteps<>(definition.stepsType());
            RecordingSteps<P> strictSteps = new RecordingSteps<>(definition.stepsType());
            MachineRunner<S, P> table = new TableMachine<>(definition, definition.initial(), tableSteps.port, facts);
            MachineRunner<S, P> strict = squirrel.newMachine(strictSteps.port, facts);
            for (int step = 0; step < 25 && !table.state().terminal(); step++) {
                Input input;
                Epoch epoch;
                List<Transition<S, P>> leaving = definition.transitionsFrom(table.state());
                if (!leaving.isEmpty() && random.nextInt(10) < 8) {
                    Transition<S, P> pick = leaving.get(random.nextInt(leaving.size()));
                    input = pick.input();
                    epoch = pick.epoch();
                } else {
                    input = Input.values()[random.nextInt(Input.values().length)];
                    epoch = Epoch.values()[random.nextInt(Epoch.values().length)];
                }
                String where = "seed " + seed + " walk " + walk + " step " + step + " " + table.state() + " " + input
                        + "@" + epoch + " " + facts;
                Object expected = outcome(table, input, epoch);
                Object actual = outcome(strict, input, epoch);
                assertThat(actual).as(where).isEqualTo(expected);
                assertThat(strict.state()).as(where).isEqualTo(table.state());
                assertThat(strictSteps.calls).as(where).isEqualTo(tableSteps.calls);
            }
        }
    }

    private static Object outcome(MachineRunner<?, ?> runner, Input input, Epoch epoch) {
        try {
            return runner.fire(input, epoch);
        } catch (UnexpectedMessage e) {
            return List.of(e.state(), e.input(), e.epoch());
        }
    }
}
