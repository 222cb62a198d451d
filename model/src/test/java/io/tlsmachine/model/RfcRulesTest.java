package io.tlsmachine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.client.ClientSteps;
import io.tlsmachine.model.server.ServerMachine;
import io.tlsmachine.model.server.ServerState;
import io.tlsmachine.model.server.ServerSteps;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks individual RFC rules against the compiled tables, one rule per test. */
class RfcRulesTest {

    private static final CompiledMachine<ClientState, ClientSteps> CLIENT = ClientMachine.compiled();
    private static final CompiledMachine<ServerState, ServerSteps> SERVER = ServerMachine.compiled();

    @Test
    void rejectsKeyUpdateBeforeTheHandshakeCompletes() {
        // RFC 8446 §4.6.3: a KeyUpdate received before Finished is an unexpected_message.
        for (ServerState s : new ServerState[] {ServerState.WAIT_FLIGHT2, ServerState.WAIT_CV, ServerState.WAIT_FINISHED}) {
            assertThat(SERVER.declares(s, Input.KEY_UPDATE_REQUESTED, Epoch.HANDSHAKE)).as("%s", s).isFalse();
            assertThat(SERVER.declares(s, Input.KEY_UPDATE_NOT_REQUESTED, Epoch.HANDSHAKE)).as("%s", s).isFalse();
        }
    }

    @Test
    void rejectsClientHelloAfterATls13Handshake() {
        // RFC 8446 §4.1.2: a ClientHello at any other time than the start (or after HRR) is unexpected.
        assertThat(SERVER.declares(ServerState.CONNECTED, Input.CLIENT_HELLO, Epoch.APPLICATION)).isFalse();
    }

    @Test
    void dropsMiddleboxChangeCipherSpecOnlyBeforeThePeersFinished() {
        // RFC 8446 §5: dropped between the first ClientHello and the peer's Finished; unexpected afterwards.
        Transition<ClientState, ClientSteps> drop =
                CLIENT.step(ClientState.WAIT_CV, Input.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT, Negotiated.tls13());
        assertThat(drop.to()).isEqualTo(ClientState.WAIT_CV);
        assertThat(drop.outputs()).isEmpty();
        assertThat(CLIENT.declares(ClientState.CONNECTED, Input.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT)).isFalse();
        assertThat(SERVER.declares(ServerState.CONNECTED, Input.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT)).isFalse();
        assertThat(SERVER.declares(ServerState.START, Input.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT)).isFalse();
    }

    @Test
    void rejectsProtectedChangeCipherSpec() {
        // RFC 8446 §5: a protected change_cipher_spec record is an unexpected_message.
        for (ClientState s : ClientState.values()) {
            assertThat(CLIENT.declares(s, Input.CHANGE_CIPHER_SPEC, Epoch.HANDSHAKE)).as("%s", s).isFalse();
            assertThat(CLIENT.declares(s, Input.CHANGE_CIPHER_SPEC, Epoch.APPLICATION)).as("%s", s).isFalse();
        }
    }

    @Test
    void acceptsEndOfEarlyDataOnlyUnderEarlyKeysAfterAccepting0Rtt() {
        // RFC 8446 §4.5: EndOfEarlyData is sent under the early traffic keys, only when 0-RTT was accepted.
        assertThat(SERVER.declares(ServerState.WAIT_EOED, Input.END_OF_EARLY_DATA, Epoch.EARLY)).isTrue();
        assertThat(SERVER.declares(ServerState.WAIT_EOED, Input.END_OF_EARLY_DATA, Epoch.HANDSHAKE)).isFalse();
        assertThat(SERVER.declares(ServerState.WAIT_FINISHED, Input.END_OF_EARLY_DATA, Epoch.EARLY)).isFalse();
    }

    @Test
    void serverWaitsInWaitFlight2AfterItsFlightAndAfterEndOfEarlyData() {
        // RFC 8446 Appendix A.2: NEGOTIATED -> WAIT_EOED (0-RTT accepted) or WAIT_FLIGHT2; WAIT_EOED -> WAIT_FLIGHT2.
        Negotiated full = Negotiated.tls13();
        assertThat(SERVER.step(ServerState.NEGOTIATED, Input.SEND_SERVER_FLIGHT, Epoch.LOCAL, full).to())
                .isEqualTo(ServerState.WAIT_FLIGHT2);
        assertThat(SERVER.step(ServerState.WAIT_FLIGHT2, Input.FINISHED, Epoch.HANDSHAKE, full).to())
                .isEqualTo(ServerState.CONNECTED);
        Negotiated zeroRtt = full.with(Fact.TLS13_KEY_EXCHANGE, Tls13KeyExchange.PSK_DHE).with(Fact.EARLY_DATA_OFFERED, true)
                .with(Fact.EARLY_DATA_ACCEPTED, true);
        assertThat(SERVER.step(ServerState.NEGOTIATED, Input.SEND_SERVER_FLIGHT, Epoch.LOCAL, zeroRtt).to())
                .isEqualTo(ServerState.WAIT_EOED);
        assertThat(SERVER.step(ServerState.WAIT_EOED, Input.END_OF_EARLY_DATA, Epoch.EARLY, zeroRtt).to())
                .isEqualTo(ServerState.WAIT_FLIGHT2);
    }

    @Test
    void serverInWaitFlight2TakesTheClientAuthBranchOnlyWhenItRequestedClientAuth() {
        // RFC 8446 §4.4.2: the client sends Certificate if and only if the server requested client authentication.
        Negotiated auth = Negotiated.tls13().with(Fact.CLIENT_AUTH_REQUESTED, true);
        assertThat(SERVER.step(ServerState.WAIT_FLIGHT2, Input.CERTIFICATE, Epoch.HANDSHAKE, auth).to())
                .isEqualTo(ServerState.WAIT_CV);
        assertThat(SERVER.step(ServerState.WAIT_FLIGHT2, Input.CERTIFICATE_EMPTY, Epoch.HANDSHAKE, auth).to())
                .isEqualTo(ServerState.WAIT_FINISHED);
        Transition<ServerState, ServerSteps> finishedWithoutCertificate =
                SERVER.step(ServerState.WAIT_FLIGHT2, Input.FINISHED, Epoch.HANDSHAKE, auth);
        assertThat(finishedWithoutCertificate.to()).isEqualTo(ServerState.FAILED);
        assertThat(finishedWithoutCertificate.outputs()).extracting(Output::message)
                .containsExactly(Message.ALERT_UNEXPECTED_MESSAGE);
        Transition<ServerState, ServerSteps> unrequested =
                SERVER.step(ServerState.WAIT_FLIGHT2, Input.CERTIFICATE, Epoch.HANDSHAKE, Negotiated.tls13());
        assertThat(unrequested.to()).isEqualTo(ServerState.FAILED);
        assertThat(unrequested.outputs()).extracting(Output::message).containsExactly(Message.ALERT_UNEXPECTED_MESSAGE);
    }

    @Test
    void tls12ServerRejectsCertificateVerifyAfterAnEmptyClientCertificate() {
        // RFC 5246 §7.4.8: CertificateVerify only follows a client certificate with signing capability.
        Negotiated facts = Negotiated.tls12().with(Fact.CLIENT_AUTH_REQUESTED, true);
        ServerState afterEmpty =
                SERVER.step(ServerState.TLS12_WAIT_CLIENT_CERT, Input.CERTIFICATE_EMPTY, Epoch.PLAINTEXT, facts).to();
        ServerState afterKeyExchange = SERVER.step(afterEmpty, Input.CLIENT_KEY_EXCHANGE, Epoch.PLAINTEXT, facts).to();
        assertThat(SERVER.find(afterKeyExchange, Input.CERTIFICATE_VERIFY, Epoch.PLAINTEXT, facts)).isNull();
    }

    @Test
    void tls12ClientRejectsAnUnannouncedNewSessionTicket() {
        // RFC 5077 §3.3: NewSessionTicket only when the ServerHello carried an empty SessionTicket extension.
        Negotiated noTicket = Negotiated.tls12();
        ClientState afterDone =
                CLIENT.step(ClientState.TLS12_WAIT_CR_OR_SHD, Input.SERVER_HELLO_DONE, Epoch.PLAINTEXT, noTicket).to();
        assertThat(afterDone).isEqualTo(ClientState.TLS12_WAIT_CCS);
        assertThat(CLIENT.find(afterDone, Input.NEW_SESSION_TICKET, Epoch.PLAINTEXT, noTicket)).isNull();
    }

    @Test
    void tls12RenegotiationIsRefusedWithAWarningAndTheConnectionStays() {
        // RFC 5246 §7.4.1.1, §7.2.2: no_renegotiation is a warning; both peers stay connected.
        Transition<ClientState, ClientSteps> hello =
                CLIENT.step(ClientState.TLS12_CONNECTED, Input.HELLO_REQUEST, Epoch.APPLICATION, Negotiated.tls12());
        assertThat(hello.to()).isEqualTo(ClientState.TLS12_CONNECTED);
        assertThat(hello.outputs()).extracting(Output::message).containsExactly(Message.ALERT_NO_RENEGOTIATION);
        assertThat(Message.ALERT_NO_RENEGOTIATION.receivedAs()).isEqualTo(Input.ALERT_WARNING);
        Transition<ServerState, ServerSteps> clientHello =
                SERVER.step(ServerState.TLS12_CONNECTED, Input.CLIENT_HELLO, Epoch.APPLICATION, Negotiated.tls12());
        assertThat(clientHello.to()).isEqualTo(ServerState.TLS12_CONNECTED);
        assertThat(clientHello.outputs()).extracting(Output::message).containsExactly(Message.ALERT_NO_RENEGOTIATION);
    }

    @Test
    void postHandshakeCertificateRequestWithoutTheExtensionFailsWithUnexpectedMessage() {
        // RFC 8446 §4.6.2.
        Transition<ClientState, ClientSteps> edge =
                CLIENT.step(ClientState.CONNECTED, Input.CERTIFICATE_REQUEST, Epoch.APPLICATION, Negotiated.tls13());
        assertThat(edge.to()).isEqualTo(ClientState.FAILED);
        assertThat(edge.outputs()).extracting(Output::message).containsExactly(Message.ALERT_UNEXPECTED_MESSAGE);
    }

    @Test
    void serverAcceptsNothingElseBetweenTheClientsPostHandshakeAuthMessages() {
        // RFC 8446 §4.6.2: "All of the client's messages for a given response MUST appear consecutively on the wire".
        for (ServerState s : new ServerState[] {ServerState.POST_HANDSHAKE_WAIT_CV, ServerState.POST_HANDSHAKE_WAIT_FINISHED}) {
            for (Input other : new Input[] {Input.APPLICATION_DATA, Input.KEY_UPDATE_NOT_REQUESTED,
                    Input.KEY_UPDATE_REQUESTED, Input.ALERT_WARNING}) {
                assertThat(SERVER.declares(s, other, Epoch.APPLICATION)).as("%s %s", s, other).isFalse();
            }
            assertThat(SERVER.declares(s, Input.APPLICATION_WRITE, Epoch.LOCAL)).as("%s", s).isTrue();
        }
        // Before the response starts the server tolerates other messages.
        assertThat(SERVER.declares(ServerState.POST_HANDSHAKE_WAIT_CERT, Input.APPLICATION_DATA, Epoch.APPLICATION))
                .isTrue();
    }

    @Test
    void serverAcceptsAlertsInTheClearUntilTheClientRekeysToHandshakeKeys() {
        // RFC 8446 Appendix A.1: clients may send alerts that derive from post-ServerHello messages in the clear
        // or with the early data keys.
        Negotiated facts = Negotiated.tls13();
        for (ServerState s : new ServerState[] {ServerState.WAIT_EOED, ServerState.WAIT_FLIGHT2}) {
            assertThat(SERVER.step(s, Input.ALERT_FATAL, Epoch.PLAINTEXT, facts).to()).as("%s", s)
                    .isEqualTo(ServerState.FAILED);
            assertThat(SERVER.step(s, Input.ALERT_CLOSE_NOTIFY, Epoch.PLAINTEXT, facts).to()).as("%s", s)
                    .isEqualTo(ServerState.CLOSED);
        }
        assertThat(SERVER.declares(ServerState.WAIT_FLIGHT2, Input.ALERT_FATAL, Epoch.EARLY)).isTrue();
        // Once a handshake-protected client message arrived, a plaintext alert is unexpected again.
        assertThat(SERVER.declares(ServerState.WAIT_CV, Input.ALERT_FATAL, Epoch.PLAINTEXT)).isFalse();
        assertThat(SERVER.declares(ServerState.WAIT_FINISHED, Input.ALERT_FATAL, Epoch.PLAINTEXT)).isFalse();
    }

    @Test
    void closeNotifyDuringTheHandshakeIsAnsweredUnderTheCurrentWriteKeys() {
        // RFC 5246 §7.2.1: "The other party MUST respond with a close_notify alert of its own"; RFC 8446 §6.1.
        Negotiated tls13 = Negotiated.tls13();
        Transition<ServerState, ServerSteps> server =
                SERVER.step(ServerState.WAIT_FLIGHT2, Input.ALERT_CLOSE_NOTIFY, Epoch.HANDSHAKE, tls13);
        assertThat(server.to()).isEqualTo(ServerState.CLOSED);
        assertThat(sent(server.outputsFor(tls13))).containsExactly("ALERT_CLOSE_NOTIFY@APPLICATION");
        Transition<ClientState, ClientSteps> client =
                CLIENT.step(ClientState.WAIT_CV, Input.ALERT_CLOSE_NOTIFY, Epoch.HANDSHAKE, tls13);
        assertThat(client.to()).isEqualTo(ClientState.CLOSED);
        assertThat(sent(client.outputsFor(tls13))).containsExactly("ALERT_CLOSE_NOTIFY@HANDSHAKE");
        Negotiated tls12 = Negotiated.tls12();
        assertThat(sent(SERVER.step(ServerState.TLS12_WAIT_CKE, Input.ALERT_CLOSE_NOTIFY, Epoch.PLAINTEXT, tls12)
                .outputsFor(tls12))).containsExactly("ALERT_CLOSE_NOTIFY@PLAINTEXT");
        assertThat(sent(CLIENT.step(ClientState.TLS12_WAIT_CCS, Input.ALERT_CLOSE_NOTIFY, Epoch.PLAINTEXT, tls12)
                .outputsFor(tls12))).containsExactly("ALERT_CLOSE_NOTIFY@APPLICATION");
    }

    @Test
    void keyUpdateRequestedIsAnsweredWithKeyUpdateNotRequested() {
        // RFC 8446 §4.6.3: answering with update_requested would loop.
        Transition<ServerState, ServerSteps> edge =
                SERVER.step(ServerState.CONNECTED, Input.KEY_UPDATE_REQUESTED, Epoch.APPLICATION, Negotiated.tls13());
        assertThat(edge.outputs()).extracting(Output::message).containsExactly(Message.KEY_UPDATE_NOT_REQUESTED);
    }

    @Test
    void pskHandshakeSkipsCertificatesOnBothSides() {
        // RFC 8446 §2.2: a PSK handshake has no Certificate or CertificateVerify from the server.
        Negotiated psk = Negotiated.tls13().with(Fact.TLS13_KEY_EXCHANGE, Tls13KeyExchange.PSK_ONLY);
        assertThat(CLIENT.step(ClientState.WAIT_EE, Input.ENCRYPTED_EXTENSIONS, Epoch.HANDSHAKE, psk).to())
                .isEqualTo(ClientState.WAIT_FINISHED);
        Transition<ServerState, ServerSteps> flight =
                SERVER.step(ServerState.NEGOTIATED, Input.SEND_SERVER_FLIGHT, Epoch.LOCAL, psk);
        assertThat(flight.outputsFor(psk)).extracting(Output::message).doesNotContain(Message.CERTIFICATE,
                Message.CERTIFICATE_VERIFY);
    }

    @Test
    void everyAcceptedChangeCipherSpecArrivesInPlaintext() {
        // RFC 8446 §5, RFC 5246 §7.1: ChangeCipherSpec is never protected.
        assertThat(ClientMachine.definition().transitions()).filteredOn(t -> t.input() == Input.CHANGE_CIPHER_SPEC)
                .isNotEmpty().allMatch(t -> t.epoch() == Epoch.PLAINTEXT);
        assertThat(ServerMachine.definition().transitions()).filteredOn(t -> t.input() == Input.CHANGE_CIPHER_SPEC)
                .isNotEmpty().allMatch(t -> t.epoch() == Epoch.PLAINTEXT);
    }

    @Test
    void everyTransitionCitesAnRfcSection() {
        assertThat(ClientMachine.definition().transitions()).allMatch(t -> t.rfc().matches("RFC \\d{4} .*"));
        assertThat(ServerMachine.definition().transitions()).allMatch(t -> t.rfc().matches("RFC \\d{4} .*"));
    }

    private static List<String> sent(List<Output> outputs) {
        return outputs.stream().map(o -> o.message() + "@" + o.epoch()).toList();
    }
}
