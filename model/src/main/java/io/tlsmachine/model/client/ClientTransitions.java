package io.tlsmachine.model.client;

import static io.tlsmachine.model.Epoch.APPLICATION;
import static io.tlsmachine.model.Epoch.EARLY;
import static io.tlsmachine.model.Epoch.HANDSHAKE;
import static io.tlsmachine.model.Epoch.LOCAL;
import static io.tlsmachine.model.Epoch.PLAINTEXT;
import static io.tlsmachine.model.Guard.ALWAYS;
import static io.tlsmachine.model.Guard.CERTIFICATE_AUTHENTICATION;
import static io.tlsmachine.model.Guard.CLIENT_CERTIFICATE_AVAILABLE;
import static io.tlsmachine.model.Guard.CLIENT_CERTIFICATE_SENT;
import static io.tlsmachine.model.Guard.DOWNGRADE_DETECTED;
import static io.tlsmachine.model.Guard.EARLY_DATA_ACCEPTED;
import static io.tlsmachine.model.Guard.EARLY_DATA_OFFERED;
import static io.tlsmachine.model.Guard.EMPTY_CLIENT_CERTIFICATE;
import static io.tlsmachine.model.Guard.EPHEMERAL_KEY_EXCHANGE;
import static io.tlsmachine.model.Guard.MIDDLEBOX_CCS_AFTER_CLIENT_HELLO;
import static io.tlsmachine.model.Guard.MIDDLEBOX_CCS_BEFORE_CLIENT_FLIGHT;
import static io.tlsmachine.model.Guard.MIDDLEBOX_CCS_BEFORE_SECOND_CLIENT_HELLO;
import static io.tlsmachine.model.Guard.NOT_EARLY_DATA_ACCEPTED;
import static io.tlsmachine.model.Guard.NO_CLIENT_CERTIFICATE;
import static io.tlsmachine.model.Guard.NO_POST_HANDSHAKE_AUTH;
import static io.tlsmachine.model.Guard.NO_TICKET_EXPECTED;
import static io.tlsmachine.model.Guard.POST_HANDSHAKE_AUTH_OFFERED;
import static io.tlsmachine.model.Guard.PSK_ACCEPTED;
import static io.tlsmachine.model.Guard.RSA_KEY_TRANSPORT;
import static io.tlsmachine.model.Guard.TICKET_EXPECTED;
import static io.tlsmachine.model.Guard.TLS12;
import static io.tlsmachine.model.Guard.TLS12_ABBREVIATED;
import static io.tlsmachine.model.Guard.TLS12_ABBREVIATED_NO_TICKET;
import static io.tlsmachine.model.Guard.TLS12_ABBREVIATED_TICKET_EXPECTED;
import static io.tlsmachine.model.Guard.TLS12_FULL;
import static io.tlsmachine.model.Guard.TLS12_FULL_NO_DOWNGRADE;
import static io.tlsmachine.model.Guard.TLS13;
import static io.tlsmachine.model.TransitionListBuilder.send;
import static io.tlsmachine.model.TransitionListBuilder.sendIf;
import static io.tlsmachine.model.client.ClientState.*;

import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.TransitionListBuilder;
import java.util.List;

/**
 * Declares every transition of the client machine: the one source of the Squirrel machine, the compiled table,
 * the diagrams and the summary. The TLS 1.2 names are derived in specs/machines/README.md.
 */
final class ClientTransitions {

    private ClientTransitions() {
    }

    /** Returns the client's transitions in declaration order. */
    static List<Transition<ClientState, ClientSteps>> declare() {
        TransitionListBuilder<ClientState, ClientSteps> t = new TransitionListBuilder<>();
        hellos(t);
        tls13(t);
        tls13Connected(t);
        tls12(t);
        middleboxChangeCipherSpec(t);
        alerts(t);
        return t.build();
    }

    private static void hellos(TransitionListBuilder<ClientState, ClientSteps> t) {
        t.add(START, Input.CONNECT, LOCAL, ALWAYS, WAIT_SH, ClientStep.SEND_CLIENT_HELLO,
                "RFC 8446 §4.1.2, §4.2.10, Appendix D.4; RFC 5246 §7.4.1.2",
                send(Message.CLIENT_HELLO, PLAINTEXT),
                sendIf(Message.CHANGE_CIPHER_SPEC, PLAINTEXT, MIDDLEBOX_CCS_AFTER_CLIENT_HELLO),
                sendIf(Message.APPLICATION_DATA, EARLY, EARLY_DATA_OFFERED));
        // RFC 8446 §4.1.4: at most one HelloRetryRequest; WAIT_SH_RETRY has no HelloRetryRequest edge.
        t.add(WAIT_SH, Input.HELLO_RETRY_REQUEST, PLAINTEXT, ALWAYS, WAIT_SH_RETRY, ClientStep.PROCESS_HELLO_RETRY_REQUEST,
                "RFC 8446 §4.1.4, Appendix D.4",
                sendIf(Message.CHANGE_CIPHER_SPEC, PLAINTEXT, MIDDLEBOX_CCS_BEFORE_SECOND_CLIENT_HELLO),
                send(Message.CLIENT_HELLO, PLAINTEXT));
        // RFC 8446 §4.1.3: a TLS 1.3 client that sees the downgrade sentinel MUST abort with illegal_parameter.
        t.add(WAIT_SH, Input.SERVER_HELLO, PLAINTEXT, DOWNGRADE_DETECTED, FAILED, ClientStep.ABORT_HANDSHAKE,
                "RFC 8446 §4.1.3", send(Message.ALERT_ILLEGAL_PARAMETER, PLAINTEXT));
        t.add(WAIT_SH, Input.SERVER_HELLO, PLAINTEXT, TLS13, WAIT_EE, ClientStep.PROCESS_SERVER_HELLO,
                "RFC 8446 §4.1.3, Appendix A.1");
        t.add(WAIT_SH, Input.SERVER_HELLO, PLAINTEXT, TLS12_FULL_NO_DOWNGRADE, TLS12_WAIT_CERT,
                ClientStep.PROCESS_SERVER_HELLO, "RFC 5246 §7.3 Figure 1, §7.4.1.3");
        t.add(WAIT_SH, Input.SERVER_HELLO, PLAINTEXT, TLS12_ABBREVIATED_TICKET_EXPECTED, TLS12_WAIT_NST,
                ClientStep.PROCESS_SERVER_HELLO, "RFC 5077 §3.1, §3.4; RFC 5246 §7.3 Figure 2");
        t.add(WAIT_SH, Input.SERVER_HELLO, PLAINTEXT, TLS12_ABBREVIATED_NO_TICKET, TLS12_WAIT_CCS,
                ClientStep.PROCESS_SERVER_HELLO, "RFC 5246 §7.3 Figure 2");
        // RFC 5246 §7.4.1.2: after ClientHello, any server handshake message except HelloRequest is fatal.
        t.add(WAIT_SH, Input.HELLO_REQUEST, PLAINTEXT, ALWAYS, WAIT_SH, ClientStep.IGNORE_HELLO_REQUEST,
                "RFC 5246 §7.4.1.1, §7.4.1.2");
        t.add(WAIT_SH_RETRY, Input.SERVER_HELLO, PLAINTEXT, TLS13, WAIT_EE, ClientStep.PROCESS_SERVER_HELLO,
                "RFC 8446 §4.1.4");
        // RFC 8446 §4.1.4: the ServerHello's version must be the one the HelloRetryRequest selected.
        t.add(WAIT_SH_RETRY, Input.SERVER_HELLO, PLAINTEXT, TLS12, FAILED, ClientStep.ABORT_HANDSHAKE,
                "RFC 8446 §4.1.4", send(Message.ALERT_ILLEGAL_PARAMETER, PLAINTEXT));
    }

    private static void tls13(TransitionListBuilder<ClientState, ClientSteps> t) {
        t.add(WAIT_EE, Input.ENCRYPTED_EXTENSIONS, HANDSHAKE, PSK_ACCEPTED, WAIT_FINISHED,
                ClientStep.PROCESS_ENCRYPTED_EXTENSIONS, "RFC 8446 §4.3.1, Appendix A.1");
        t.add(WAIT_EE, Input.ENCRYPTED_EXTENSIONS, HANDSHAKE, CERTIFICATE_AUTHENTICATION, WAIT_CERT_CR,
                ClientStep.PROCESS_ENCRYPTED_EXTENSIONS, "RFC 8446 §4.3.1, Appendix A.1");
        t.add(WAIT_CERT_CR, Input.CERTIFICATE_REQUEST, HANDSHAKE, ALWAYS, WAIT_CERT,
                ClientStep.PROCESS_CERTIFICATE_REQUEST, "RFC 8446 §4.3.2");
        for (ClientState waiting : List.of(WAIT_CERT_CR, WAIT_CERT)) {
            t.add(waiting, Input.CERTIFICATE, HANDSHAKE, ALWAYS, WAIT_CV, ClientStep.PROCESS_SERVER_CERTIFICATE,
                    "RFC 8446 §4.4.2");
            // RFC 8446 §4.4.2.4: an empty server certificate_list aborts the handshake with decode_error.
            t.add(waiting, Input.CERTIFICATE_EMPTY, HANDSHAKE, ALWAYS, FAILED, ClientStep.ABORT_HANDSHAKE,
                    "RFC 8446 §4.4.2.4", send(Message.ALERT_DECODE_ERROR, HANDSHAKE));
        }
        t.add(WAIT_CV, Input.CERTIFICATE_VERIFY, HANDSHAKE, ALWAYS, WAIT_FINISHED,
                ClientStep.PROCESS_SERVER_CERTIFICATE_VERIFY, "RFC 8446 §4.4.3");
        t.add(WAIT_FINISHED, Input.FINISHED, HANDSHAKE, ALWAYS, CONNECTED, ClientStep.PROCESS_SERVER_FINISHED,
                "RFC 8446 §4.4.4, §4.5, Appendix A.1, Appendix D.4",
                sendIf(Message.END_OF_EARLY_DATA, EARLY, EARLY_DATA_ACCEPTED),
                sendIf(Message.CHANGE_CIPHER_SPEC, PLAINTEXT, MIDDLEBOX_CCS_BEFORE_CLIENT_FLIGHT),
                sendIf(Message.CERTIFICATE, HANDSHAKE, CLIENT_CERTIFICATE_SENT),
                sendIf(Message.CERTIFICATE_EMPTY, HANDSHAKE, EMPTY_CLIENT_CERTIFICATE),
                sendIf(Message.CERTIFICATE_VERIFY, HANDSHAKE, CLIENT_CERTIFICATE_SENT),
                send(Message.FINISHED, HANDSHAKE));
    }

    private static void tls13Connected(TransitionListBuilder<ClientState, ClientSteps> t) {
        t.add(CONNECTED, Input.NEW_SESSION_TICKET, APPLICATION, ALWAYS, CONNECTED, ClientStep.PROCESS_NEW_SESSION_TICKET,
                "RFC 8446 §4.6.1");
        t.add(CONNECTED, Input.KEY_UPDATE_NOT_REQUESTED, APPLICATION, ALWAYS, CONNECTED, ClientStep.PROCESS_KEY_UPDATE,
                "RFC 8446 §4.6.3");
        t.add(CONNECTED, Input.KEY_UPDATE_REQUESTED, APPLICATION, ALWAYS, CONNECTED, ClientStep.PROCESS_KEY_UPDATE,
                "RFC 8446 §4.6.3", send(Message.KEY_UPDATE_NOT_REQUESTED, APPLICATION));
        t.add(CONNECTED, Input.CERTIFICATE_REQUEST, APPLICATION, POST_HANDSHAKE_AUTH_OFFERED, CONNECTED,
                ClientStep.PROCESS_POST_HANDSHAKE_CERTIFICATE_REQUEST, "RFC 8446 §4.6.2",
                sendIf(Message.CERTIFICATE, APPLICATION, CLIENT_CERTIFICATE_AVAILABLE),
                sendIf(Message.CERTIFICATE_EMPTY, APPLICATION, NO_CLIENT_CERTIFICATE),
                sendIf(Message.CERTIFICATE_VERIFY, APPLICATION, CLIENT_CERTIFICATE_AVAILABLE),
                send(Message.FINISHED, APPLICATION));
        // RFC 8446 §4.6.2: CertificateRequest without post_handshake_auth MUST get an unexpected_message alert.
        t.add(CONNECTED, Input.CERTIFICATE_REQUEST, APPLICATION, NO_POST_HANDSHAKE_AUTH, FAILED, ClientStep.ABORT_HANDSHAKE,
                "RFC 8446 §4.6.2", send(Message.ALERT_UNEXPECTED_MESSAGE, APPLICATION));
        t.add(CONNECTED, Input.REQUEST_KEY_UPDATE, LOCAL, ALWAYS, CONNECTED, ClientStep.REQUEST_KEY_UPDATE,
                "RFC 8446 §4.6.3", send(Message.KEY_UPDATE_REQUESTED, APPLICATION));
        applicationTraffic(t, CONNECTED, "RFC 8446 §2, §6.1");
    }

    private static void tls12(TransitionListBuilder<ClientState, ClientSteps> t) {
        // RFC 5246 §7.4.3: ServerKeyExchange is sent for (EC)DHE and MUST NOT be sent for RSA key transport.
        t.add(TLS12_WAIT_CERT, Input.CERTIFICATE, PLAINTEXT, EPHEMERAL_KEY_EXCHANGE, TLS12_WAIT_SKE,
                ClientStep.PROCESS_SERVER_CERTIFICATE, "RFC 5246 §7.4.2, §7.4.3; RFC 4492 §5.4");
        t.add(TLS12_WAIT_CERT, Input.CERTIFICATE, PLAINTEXT, RSA_KEY_TRANSPORT, TLS12_WAIT_CR_OR_SHD,
                ClientStep.PROCESS_SERVER_CERTIFICATE, "RFC 5246 §7.4.2, §7.4.3");
        t.add(TLS12_WAIT_SKE, Input.SERVER_KEY_EXCHANGE, PLAINTEXT, ALWAYS, TLS12_WAIT_CR_OR_SHD,
                ClientStep.PROCESS_SERVER_KEY_EXCHANGE, "RFC 5246 §7.4.3");
        t.add(TLS12_WAIT_CR_OR_SHD, Input.CERTIFICATE_REQUEST, PLAINTEXT, ALWAYS, TLS12_WAIT_SHD,
                ClientStep.PROCESS_CERTIFICATE_REQUEST, "RFC 5246 §7.4.4");
        Output[] plainFlight = {
            send(Message.CLIENT_KEY_EXCHANGE, PLAINTEXT),
            send(Message.CHANGE_CIPHER_SPEC, PLAINTEXT),
            send(Message.FINISHED, APPLICATION)};
        // RFC 5246 §7.4.6, §7.4.8: a Certificate (empty when none is suitable) after CertificateRequest;
        // CertificateVerify only after a non-empty one.
        Output[] certifiedFlight = {
            sendIf(Message.CERTIFICATE, PLAINTEXT, CLIENT_CERTIFICATE_AVAILABLE),
            sendIf(Message.CERTIFICATE_EMPTY, PLAINTEXT, NO_CLIENT_CERTIFICATE),
            send(Message.CLIENT_KEY_EXCHANGE, PLAINTEXT),
            sendIf(Message.CERTIFICATE_VERIFY, PLAINTEXT, CLIENT_CERTIFICATE_AVAILABLE),
            send(Message.CHANGE_CIPHER_SPEC, PLAINTEXT),
            send(Message.FINISHED, APPLICATION)};
        String flightRfc = "RFC 5246 §7.3 Figure 1, §7.4.5-§7.4.9; RFC 5077 §3.3";
        t.add(TLS12_WAIT_CR_OR_SHD, Input.SERVER_HELLO_DONE, PLAINTEXT, TICKET_EXPECTED, TLS12_WAIT_NST,
                ClientStep.PROCESS_SERVER_HELLO_DONE, flightRfc, plainFlight);
        t.add(TLS12_WAIT_CR_OR_SHD, Input.SERVER_HELLO_DONE, PLAINTEXT, NO_TICKET_EXPECTED, TLS12_WAIT_CCS,
                ClientStep.PROCESS_SERVER_HELLO_DONE, flightRfc, plainFlight);
        t.add(TLS12_WAIT_SHD, Input.SERVER_HELLO_DONE, PLAINTEXT, TICKET_EXPECTED, TLS12_WAIT_NST,
                ClientStep.PROCESS_SERVER_HELLO_DONE, flightRfc, certifiedFlight);
        t.add(TLS12_WAIT_SHD, Input.SERVER_HELLO_DONE, PLAINTEXT, NO_TICKET_EXPECTED, TLS12_WAIT_CCS,
                ClientStep.PROCESS_SERVER_HELLO_DONE, flightRfc, certifiedFlight);
        // RFC 5077 §3.3: NewSessionTicket comes before the server's ChangeCipherSpec, in full and abbreviated flows.
        t.add(TLS12_WAIT_NST, Input.NEW_SESSION_TICKET, PLAINTEXT, ALWAYS, TLS12_WAIT_CCS,
                ClientStep.PROCESS_NEW_SESSION_TICKET, "RFC 5077 §3.3");
        // CVE-2014-0224: ChangeCipherSpec is accepted only here, after the key exchange is complete.
        t.add(TLS12_WAIT_CCS, Input.CHANGE_CIPHER_SPEC, PLAINTEXT, ALWAYS, TLS12_WAIT_FINISHED,
                ClientStep.PROCESS_CHANGE_CIPHER_SPEC, "RFC 5246 §7.1");
        t.add(TLS12_WAIT_FINISHED, Input.FINISHED, APPLICATION, TLS12_FULL, TLS12_CONNECTED,
                ClientStep.PROCESS_TLS12_SERVER_FINISHED, "RFC 5246 §7.4.9, §7.3 Figure 1");
        t.add(TLS12_WAIT_FINISHED, Input.FINISHED, APPLICATION, TLS12_ABBREVIATED, TLS12_CONNECTED,
                ClientStep.PROCESS_TLS12_SERVER_FINISHED, "RFC 5246 §7.4.9, §7.3 Figure 2",
                send(Message.CHANGE_CIPHER_SPEC, PLAINTEXT), send(Message.FINISHED, APPLICATION));
        // RFC 5246 §7.4.1.1: HelloRequest is ignored while a handshake is in progress.
        for (ClientState s : List.of(TLS12_WAIT_CERT, TLS12_WAIT_SKE, TLS12_WAIT_CR_OR_SHD, TLS12_WAIT_SHD,
                TLS12_WAIT_NST, TLS12_WAIT_CCS, TLS12_WAIT_FINISHED)) {
            t.add(s, Input.HELLO_REQUEST, s.readEpoch(), ALWAYS, s, ClientStep.IGNORE_HELLO_REQUEST, "RFC 5246 §7.4.1.1");
        }
        // RFC 5246 §7.4.1.1, §7.2.2: renegotiation is refused with a warning no_renegotiation alert.
        t.add(TLS12_CONNECTED, Input.HELLO_REQUEST, APPLICATION, ALWAYS, TLS12_CONNECTED,
                ClientStep.REFUSE_RENEGOTIATION, "RFC 5246 §7.4.1.1, §7.2.2",
                send(Message.ALERT_NO_RENEGOTIATION, APPLICATION));
        applicationTraffic(t, TLS12_CONNECTED, "RFC 5246 §6.2, §7.2.1");
    }

    private static void applicationTraffic(TransitionListBuilder<ClientState, ClientSteps> t, ClientState s, String rfc) {
        t.add(s, Input.APPLICATION_DATA, APPLICATION, ALWAYS, s, ClientStep.RECEIVE_APPLICATION_DATA, rfc);
        t.add(s, Input.APPLICATION_WRITE, LOCAL, ALWAYS, s, ClientStep.WRITE_APPLICATION_DATA, rfc,
                send(Message.APPLICATION_DATA, APPLICATION));
        t.add(s, Input.CLOSE, LOCAL, ALWAYS, CLOSED, ClientStep.CLOSE, rfc, send(Message.ALERT_CLOSE_NOTIFY, APPLICATION));
    }

    /**
     * RFC 8446 §5: after the first ClientHello is sent and before the server Finished is received, an unprotected
     * ChangeCipherSpec is dropped without further processing; anywhere else (or protected) it is unexpected.
     */
    private static void middleboxChangeCipherSpec(TransitionListBuilder<ClientState, ClientSteps> t) {
        for (ClientState s : List.of(WAIT_SH, WAIT_SH_RETRY, WAIT_EE, WAIT_CERT_CR, WAIT_CERT, WAIT_CV, WAIT_FINISHED)) {
            t.add(s, Input.CHANGE_CIPHER_SPEC, PLAINTEXT, ALWAYS, s, ClientStep.IGNORE_CHANGE_CIPHER_SPEC, "RFC 8446 §5");
        }
    }

    /** RFC 8446 §6, RFC 5246 §7.2: alerts under the state's read epoch, in every state that reads records. */
    private static void alerts(TransitionListBuilder<ClientState, ClientSteps> t) {
        for (ClientState s : ClientState.values()) {
            if (s.terminal() || s.readEpoch() == LOCAL) {
                continue;
            }
            t.add(s, Input.ALERT_FATAL, s.readEpoch(), ALWAYS, FAILED, ClientStep.RECEIVE_FATAL_ALERT,
                    "RFC 8446 §6.2; RFC 5246 §7.2.2");
            t.add(s, Input.ALERT_WARNING, s.readEpoch(), ALWAYS, s, ClientStep.RECEIVE_WARNING_ALERT,
                    "RFC 8446 §6.1 (user_canceled); RFC 5246 §7.2");
            t.add(s, Input.ALERT_CLOSE_NOTIFY, s.readEpoch(), ALWAYS, CLOSED, ClientStep.RECEIVE_CLOSE_NOTIFY,
                    "RFC 8446 §6.1; RFC 5246 §7.2.1", closeNotifyReply(s));
        }
    }

    /**
     * RFC 5246 §7.2.1: "The other party MUST respond with a close_notify alert of its own"; RFC 8446 §6.1: "Each
     * party MUST send a close_notify alert before closing its write side". The answer goes out under the client's
     * current write keys: plaintext before its ChangeCipherSpec (TLS 1.2) and while waiting for ServerHello; after
     * ServerHello in TLS 1.3, RFC 8446 Appendix A.1 (note): alerts "SHOULD first rekey to the handshake keys if
     * possible", which it is unless 0-RTT was accepted (then the server still reads the early data keys).
     */
    private static Output[] closeNotifyReply(ClientState s) {
        return switch (s) {
            case WAIT_SH, WAIT_SH_RETRY, TLS12_WAIT_CERT, TLS12_WAIT_SKE, TLS12_WAIT_CR_OR_SHD, TLS12_WAIT_SHD ->
                    new Output[] {send(Message.ALERT_CLOSE_NOTIFY, PLAINTEXT)};
            case WAIT_EE, WAIT_CERT_CR, WAIT_CERT, WAIT_CV, WAIT_FINISHED -> new Output[] {
                    sendIf(Message.ALERT_CLOSE_NOTIFY, HANDSHAKE, NOT_EARLY_DATA_ACCEPTED),
                    sendIf(Message.ALERT_CLOSE_NOTIFY, EARLY, EARLY_DATA_ACCEPTED)};
            // The full handshake's client sent ChangeCipherSpec and Finished first (RFC 5246 §7.3 Figure 1).
            case TLS12_WAIT_NST, TLS12_WAIT_CCS, TLS12_WAIT_FINISHED -> new Output[] {
                    sendIf(Message.ALERT_CLOSE_NOTIFY, APPLICATION, TLS12_FULL),
                    sendIf(Message.ALERT_CLOSE_NOTIFY, PLAINTEXT, TLS12_ABBREVIATED)};
            default -> new Output[] {send(Message.ALERT_CLOSE_NOTIFY, APPLICATION)};
        };
    }
}
