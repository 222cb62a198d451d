package io.tlsmachine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.client.ClientSteps;
import io.tlsmachine.model.server.ServerMachine;
import io.tlsmachine.model.server.ServerState;
import io.tlsmachine.model.server.ServerSteps;
import org.junit.jupiter.api.Test;

class StrictMachineTest {

    @Test
    void runsTheTls13ClientHandshakeAndCallsEachStepOnce() {
        RecordingSteps<ClientSteps> steps = new RecordingSteps<>(ClientSteps.class);
        StrictMachine<ClientState, ClientSteps> client = ClientMachine.newStrictMachine(steps.port, Negotiated.tls13());
        client.fire(Input.CONNECT, Epoch.LOCAL);
        client.fire(Input.SERVER_HELLO, Epoch.PLAINTEXT);
        client.fire(Input.ENCRYPTED_EXTENSIONS, Epoch.HANDSHAKE);
        client.fire(Input.CERTIFICATE, Epoch.HANDSHAKE);
        client.fire(Input.CERTIFICATE_VERIFY, Epoch.HANDSHAKE);
        Transition<ClientState, ClientSteps> finished = client.fire(Input.FINISHED, Epoch.HANDSHAKE);
        assertThat(client.state()).isEqualTo(ClientState.CONNECTED);
        assertThat(finished.outputsFor(client.facts())).extracting(Output::message).containsExactly(Message.FINISHED);
        assertThat(steps.calls).containsExactly("sendClientHello", "processServerHello", "processEncryptedExtensions",
                "processServerCertificate", "processServerCertificateVerify", "processServerFinished");
    }

    @Test
    void undeclaredInputBecomesTypedUnexpectedMessageAndFailsTheMachine() {
        StrictMachine<ClientState, ClientSteps> client =
                ClientMachine.newStrictMachine(new RecordingSteps<>(ClientSteps.class).port, Negotiated.tls13());
        client.fire(Input.CONNECT, Epoch.LOCAL);
        Throwable thrown = catchThrowable(() -> client.fire(Input.FINISHED, Epoch.PLAINTEXT));
        assertThat(thrown).isInstanceOfSatisfying(UnexpectedMessage.class, e -> {
            assertThat(e.state()).isEqualTo(ClientState.WAIT_SH);
            assertThat(e.input()).isEqualTo(Input.FINISHED);
            assertThat(e.epoch()).isEqualTo(Epoch.PLAINTEXT);
        });
        assertThat(client.state()).isEqualTo(ClientState.FAILED);
        assertThatThrownBy(() -> client.fire(Input.SERVER_HELLO, Epoch.PLAINTEXT)).isInstanceOf(UnexpectedMessage.class);
    }

    @Test
    void rightMessageUnderWrongEpochIsRejectedLikeAWrongMessage() {
        StrictMachine<ClientState, ClientSteps> client =
                ClientMachine.newStrictMachine(new RecordingSteps<>(ClientSteps.class).port, Negotiated.tls13());
        client.fire(Input.CONNECT, Epoch.LOCAL);
        client.fire(Input.SERVER_HELLO, Epoch.PLAINTEXT);
        assertThatThrownBy(() -> client.fire(Input.ENCRYPTED_EXTENSIONS, Epoch.PLAINTEXT))
                .isInstanceOf(UnexpectedMessage.class);
    }

    @Test
    void inputWhoseGuardsAllFailIsDeclined() {
        // TLS12_WAIT_FINISHED's FINISHED guards are tls12Full / tls12Abbreviated: TLS 1.3 facts satisfy neither.
        StrictMachine<ClientState, ClientSteps> client = ClientMachine.squirrel().newMachine(
                ClientState.TLS12_WAIT_FINISHED, new RecordingSteps<>(ClientSteps.class).port, Negotiated.tls13());
        assertThatThrownBy(() -> client.fire(Input.FINISHED, Epoch.APPLICATION)).isInstanceOf(UnexpectedMessage.class);
        assertThat(client.state()).isEqualTo(ClientState.FAILED);
    }

    @Test
    void stepExceptionIsRethrownUnwrappedAndFailsTheMachine() {
        IllegalStateException boom = new IllegalStateException("bad signature");
        RecordingSteps<ServerSteps> steps = new RecordingSteps<>(ServerSteps.class).failingWith(boom);
        StrictMachine<ServerState, ServerSteps> server = ServerMachine.newStrictMachine(steps.port, Negotiated.tls13());
        assertThat(catchThrowable(() -> server.fire(Input.CLIENT_HELLO, Epoch.PLAINTEXT))).isSameAs(boom);
        assertThat(server.state()).isEqualTo(ServerState.FAILED);
    }

    @Test
    void stepMayUpdateFactsButNotTheNextState() {
        RecordingSteps<ServerSteps> steps = new RecordingSteps<>(ServerSteps.class)
                .updatingFacts(f -> f.with(Fact.CLIENT_AUTH_REQUESTED, true));
        StrictMachine<ServerState, ServerSteps> server = ServerMachine.newStrictMachine(steps.port, Negotiated.tls13());
        server.fire(Input.CLIENT_HELLO, Epoch.PLAINTEXT);
        server.fire(Input.SELECT_PARAMETERS, Epoch.LOCAL);
        assertThat(server.facts().clientAuthRequested()).isTrue();
        server.fire(Input.SEND_SERVER_FLIGHT, Epoch.LOCAL);
        assertThat(server.state()).isEqualTo(ServerState.WAIT_FLIGHT2);
    }

    @Test
    void factsSetByTheInputMapperSelectTheBranch() {
        StrictMachine<ClientState, ClientSteps> client =
                ClientMachine.newStrictMachine(new RecordingSteps<>(ClientSteps.class).port, Negotiated.tls13());
        client.fire(Input.CONNECT, Epoch.LOCAL);
        client.updateFacts(Negotiated.tls12());
        client.fire(Input.SERVER_HELLO, Epoch.PLAINTEXT);
        assertThat(client.state()).isEqualTo(ClientState.TLS12_WAIT_CERT);
    }
}
