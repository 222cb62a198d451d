package io.tlsmachine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.client.ClientStep;
import io.tlsmachine.model.client.ClientSteps;
import io.tlsmachine.model.server.ServerMachine;
import java.util.List;
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
        Transition<ClientState, ClientSteps> always = new Transition<>(ClientState.WAIT_SH, Input.SERVER_HELLO,
                Epoch.PLAINTEXT, Guard.ALWAYS, ClientState.WAIT_EE, ClientStep.PROCESS_SERVER_HELLO, List.of(), "test");
        Transition<ClientState, ClientSteps> tls13 = new Transition<>(ClientState.WAIT_SH, Input.SERVER_HELLO,
                Epoch.PLAINTEXT, Guard.TLS13, ClientState.WAIT_EE, ClientStep.PROCESS_SERVER_HELLO, List.of(), "test");
        var overlapping = new MachineDefinition<>("broken", ClientState.class, ClientSteps.class, ClientState.START,
                List.of(always, tls13));
        assertThat(overlapping.guardViolations()).singleElement().asString()
                .startsWith("broken WAIT_SH SERVER_HELLO@plaintext: 2 guards hold");
    }

    @Test
    void guardCheckReportsMissingGuards() {
        Transition<ClientState, ClientSteps> tls13Only = new Transition<>(ClientState.WAIT_SH, Input.SERVER_HELLO,
                Epoch.PLAINTEXT, Guard.TLS13, ClientState.WAIT_EE, ClientStep.PROCESS_SERVER_HELLO, List.of(), "test");
        var partial = new MachineDefinition<>("broken", ClientState.class, ClientSteps.class, ClientState.START,
                List.of(tls13Only));
        assertThat(partial.guardViolations()).singleElement().asString().contains("0 guards hold");
    }
}
