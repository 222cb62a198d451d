package io.tlsmachine.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Fact;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositionTest {

    private final Composition tls13 = Composition.of(Negotiated.tls13());

    @Test
    void serverSkipsEarlyRecordsOnlyWhen0RttIsNotAccepted() {
        Negotiated offered = Negotiated.tls13().with(Fact.EARLY_DATA_OFFERED, true);
        Endpoint<ServerState> rejecting = Composition.of(offered).server();
        Endpoint<ServerState> accepting = Composition.of(offered.with(Fact.EARLY_DATA_ACCEPTED, true)).server();

        assertThat(rejecting.receive(ServerState.WAIT_FLIGHT2, List.of(), Input.APPLICATION_DATA, Epoch.EARLY, null)
                .outcome()).isEqualTo(Endpoint.Outcome.SKIPPED);
        assertThat(accepting.skips(Epoch.EARLY)).isFalse();
        assertThat(Composition.of(offered).client().skips(Epoch.EARLY)).isFalse();
    }

    @Test
    void rejectsAnInputWithoutAnEnabledEdge() {
        Endpoint.Reception<ClientState> r = tls13.client().receive(ClientState.WAIT_SH, List.of(Input.CLIENT_HELLO),
                Input.FINISHED, Epoch.HANDSHAKE, List.of(Input.CLIENT_HELLO));

        assertThat(r.outcome()).isEqualTo(Endpoint.Outcome.UNEXPECTED);
        assertThat(r.transition()).isNull();
        assertThat(r.sent()).isEmpty();
    }

    @Test
    void finishedVerifiesOnlyAgainstTheReceiversOwnTranscript() {
        List<Input> own = List.of(Input.CLIENT_HELLO, Input.SERVER_HELLO, Input.ENCRYPTED_EXTENSIONS,
                Input.CERTIFICATE, Input.CERTIFICATE_VERIFY);
        Endpoint<ClientState> client = tls13.client();

        assertThat(client.receive(ClientState.WAIT_FINISHED, own, Input.FINISHED, Epoch.HANDSHAKE, own).outcome())
                .isEqualTo(Endpoint.Outcome.ACCEPTED);
        assertThat(client.receive(ClientState.WAIT_FINISHED, own, Input.FINISHED, Epoch.HANDSHAKE, own.subList(0, 4))
                .outcome()).isEqualTo(Endpoint.Outcome.FINISHED_MISMATCH);
        assertThat(client.receive(ClientState.WAIT_FINISHED, own, Input.FINISHED, Epoch.HANDSHAKE, null).outcome())
                .isEqualTo(Endpoint.Outcome.FINISHED_MISMATCH);
    }

    @Test
    void theClientsFinishedCoversTheTranscriptIncludingTheServersFinished() {
        List<Input> own = List.of(Input.CLIENT_HELLO, Input.SERVER_HELLO, Input.ENCRYPTED_EXTENSIONS,
                Input.CERTIFICATE, Input.CERTIFICATE_VERIFY);

        Endpoint.Reception<ClientState> r = tls13.client().receive(ClientState.WAIT_FINISHED, own, Input.FINISHED,
                Epoch.HANDSHAKE, own);

        Endpoint.Sent finished = r.sent().get(r.sent().size() - 1);
        assertThat(finished.input()).isEqualTo(Input.FINISHED);
        assertThat(finished.coverage()).endsWith(Input.CERTIFICATE_VERIFY, Input.FINISHED).hasSize(6);
        assertThat(r.transcript()).hasSize(7).endsWith(Input.FINISHED, Input.FINISHED);
        assertThat(r.inputTranscribed()).isTrue();
    }

    @Test
    void serverDecidesOnOneHelloRetryRequestThenOnParameters() {
        Endpoint<ServerState> server = Composition.of(Negotiated.tls13().with(Fact.HELLO_RETRY_REQUESTED, true)).server();

        assertThat(server.decision(ServerState.RECVD_CH, List.of(Input.CLIENT_HELLO)))
                .isEqualTo(Input.SELECT_HELLO_RETRY);
        assertThat(server.decision(ServerState.RECVD_CH, List.of(Input.CLIENT_HELLO, Input.HELLO_RETRY_REQUEST)))
                .isEqualTo(Input.SELECT_PARAMETERS);
        assertThat(server.decision(ServerState.NEGOTIATED, List.of())).isEqualTo(Input.SEND_SERVER_FLIGHT);
        assertThat(server.decision(ServerState.WAIT_FLIGHT2, List.of())).isNull();
        assertThat(tls13.client().decision(ClientState.START, List.of())).isEqualTo(Input.CONNECT);
    }

    @Test
    void tls13PostHandshakeTicketStaysOutOfTheTranscript() {
        assertThat(Composition.transcribed(Output.send(Message.NEW_SESSION_TICKET, Epoch.APPLICATION))).isFalse();
        assertThat(Composition.transcribed(Output.send(Message.NEW_SESSION_TICKET, Epoch.PLAINTEXT))).isTrue();
        assertThat(Composition.transcribed(Output.send(Message.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT))).isFalse();
    }
}
