package io.tlsmachine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.server.ServerMachine;
import org.junit.jupiter.api.Test;

class GuardCoverageTest {

    @Test
    void clientGuardsAreExclusiveAndExhaustiveForEveryDeclaredInput() {
        assertThat(ClientMachine.definition().guardViolations()).isEmpty();
    }

    @Test
    void serverGuardsAreExclusiveAndExhaustiveForEveryDeclaredInput() {
        assertThat(ServerMachine.definition().guardViolations()).isEmpty();
    }

    @Test
    void factsSpaceIsConsistentAndSmall() {
        assertThat(Negotiated.all()).allMatch(Negotiated::consistent).doesNotHaveDuplicates();
        assertThat(Negotiated.all()).hasSizeBetween(100, 1000);
        assertThat(Negotiated.all()).anyMatch(f -> f.version() == ProtocolVersion.TLS12)
                .anyMatch(f -> f.version() == ProtocolVersion.TLS13)
                .anyMatch(Negotiated::downgradeDetected)
                .anyMatch(Negotiated::earlyDataAccepted);
    }

    @Test
    void guardCheckReportsOverlappingGuards() {
        var overlapping = new MachineDefinition<>("broken", io.tlsmachine.model.client.ClientState.class,
                io.tlsmachine.model.client.ClientSteps.class, io.tlsmachine.model.client.ClientState.START,
                java.util.List.of(
                        new Transition<>(io.tlsmachine.model.client.ClientState.WAIT_SH, Input.SERVER_HELLO, Epoch.PLAINTEXT,
                                Guard.ALWAYS, io.tlsmachine.model.client.ClientState.WAIT_EE,
                                io.tlsmachine.model.client.ClientStep.PROCESS_SERVER_HELLO, java.util.List.of(), "test"),
                        new Transition<>(io.tlsmachine.model.client.ClientState.WAIT_SH, Input.SERVER_HELLO, Epoch.PLAINTEXT,
                                Guard.TLS13, io.tlsmachine.model.client.ClientState.WAIT_EE,
                                io.tlsmachine.model.client.ClientStep.PROCESS_SERVER_HELLO, java.util.List.of(), "test")));
        assertThat(overlapping.guardViolations()).isNotEmpty();
    }
}
