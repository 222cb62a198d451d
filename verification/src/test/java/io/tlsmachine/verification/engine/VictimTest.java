package io.tlsmachine.verification.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.MachineKind;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import org.junit.jupiter.api.Test;

/** Shows the lockstep check can fail: a delivery whose outcome differs from the model's prediction is reported. */
class VictimTest {

    private static final HandshakeScenario TLS13 = HandshakeScenario.all().get(0);

    @Test
    void predictsUnexpectedMessageWhereTheModelHasNoEdge() {
        assertThat(Prediction.of(ClientMachine.definition(), ClientState.WAIT_SH, Input.FINISHED, Epoch.PLAINTEXT).rejection())
                .contains(AlertDescription.UNEXPECTED_MESSAGE);
        assertThat(Prediction.of(ClientMachine.definition(), ClientState.WAIT_SH, Input.SERVER_HELLO, Epoch.PLAINTEXT)
                .rejects()).isFalse();
    }

    @Test
    void reportsAnEngineThatContinuesWhereTheModelRejects() {
        ScriptedPeer peer = ScriptedPeer.record(TLS13, Role.CLIENT);
        WireRecord serverHello = peer.script().get(0);
        assertThat(serverHello.input()).isEqualTo(Input.SERVER_HELLO);
        Victim victim = peer.start(MachineKind.COMPILED_TABLE, 0);
        WireRecord mislabelled = new WireRecord(serverHello.bytes(), Input.FINISHED, Epoch.PLAINTEXT);
        assertThat(victim.deliverDeviant(mislabelled, Epoch.PLAINTEXT, "a ServerHello the check takes for Finished"))
                .isEqualTo(Victim.Outcome.DISCREPANCY);
        assertThat(victim.discrepancy()).get().asString().contains("the model predicts fail with");
    }

    @Test
    void reportsAnEngineThatFailsWhereTheModelContinues() {
        ScriptedPeer peer = ScriptedPeer.record(TLS13, Role.CLIENT);
        Victim victim = peer.start(MachineKind.COMPILED_TABLE, 0);
        WireRecord finished = peer.script().stream().filter(r -> r.input() == Input.FINISHED).findFirst().orElseThrow();
        WireRecord mislabelled = new WireRecord(finished.bytes(), Input.SERVER_HELLO, Epoch.PLAINTEXT);
        assertThat(victim.deliverHonest(mislabelled)).isEqualTo(Victim.Outcome.DISCREPANCY);
        assertThat(victim.discrepancy()).get().asString().contains("the model predicts continue");
    }

    @Test
    void acceptsTheHonestScriptAndConnects() {
        ScriptedPeer peer = ScriptedPeer.record(TLS13, Role.SERVER);
        Victim victim = peer.start(MachineKind.COMPILED_TABLE, peer.script().size());
        assertThat(victim.discrepancy()).isEmpty();
        assertThat(victim.engine().isHandshakeComplete()).isTrue();
    }
}
