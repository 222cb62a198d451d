package io.tlsmachine.model.server;

import static io.tlsmachine.model.Epoch.APPLICATION;
import static io.tlsmachine.model.Epoch.EARLY;
import static io.tlsmachine.model.Epoch.HANDSHAKE;
import static io.tlsmachine.model.Epoch.LOCAL;
import static io.tlsmachine.model.Epoch.PLAINTEXT;
import static io.tlsmachine.model.Guard.ALWAYS;
import static io.tlsmachine.model.Guard.CERTIFICATE_AUTHENTICATION;
import static io.tlsmachine.model.Guard.CLIENT_AUTH_REQUESTED;
import static io.tlsmachine.model.Guard.EARLY_DATA_ACCEPTED;
import static io.tlsmachine.model.Guard.EPHEMERAL_KEY_EXCHANGE;
import static io.tlsmachine.model.Guard.MIDDLEBOX_CCS_AFTER_HELLO_RETRY;
import static io.tlsmachine.model.Guard.MIDDLEBOX_CCS_AFTER_SERVER_HELLO;
import static io.tlsmachine.model.Guard.NOT_CLIENT_AUTH_REQUESTED;
import static io.tlsmachine.model.Guard.NOT_EARLY_DATA_ACCEPTED;
import static io.tlsmachine.model.Guard.NO_POST_HANDSHAKE_AUTH;
import static io.tlsmachine.model.Guard.POST_HANDSHAKE_AUTH_OFFERED;
import static io.tlsmachine.model.Guard.TICKETS_ENABLED;
import static io.tlsmachine.model.Guard.TICKET_EXPECTED;
import static io.tlsmachine.model.Guard.TLS12_ABBREVIATED;
import static io.tlsmachine.model.Guard.TLS12_FULL;
import static io.tlsmachine.model.Guard.TLS12_FULL_CLIENT_AUTH;
import static io.tlsmachine.model.Guard.TLS12_FULL_NO_CLIENT_AUTH;
import static io.tlsmachine.model.Guard.TLS13;
import static io.tlsmachine.model.TransitionListBuilder.send;
import static io.tlsmachine.model.TransitionListBuilder.sendIf;
import static io.tlsmachine.model.server.ServerState.*;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.TransitionListBuilder;
import java.util.List;

/**
 * Declares every transition of the server machine: the one source of the Squirrel machine, the compiled table,
 * the diagrams and the summary. The server's own choices (HelloRetryRequest, version, client auth, 0-RTT) are
 * local decision inputs or guards (the client-auth branch of WAIT_FLIGHT2 is a guard on the server's own fact).
 */
final class ServerTransitions {

    private ServerTransitions() {
    }

    /** Returns the server's transitions in declaration order. */
    static List<Transition<ServerState, ServerSteps>> declare() {
        TransitionListBuilder<ServerState, ServerSteps> t = new TransitionListBuilder<>();
        hellos(t);
        tls13(t);
        tls13Connected(t);
        tls12(t);
        middleboxChangeCipherSpec(t);
        alerts(t);
        alertsBeforeTheClientRekeys(t);
        return t.build();
    }

    private static void hellos(TransitionListBuilder<ServerState, ServerSteps> t) {
        t.add(START, Input.CLIENT_HELLO, PLAINTEXT, ALWAYS, RECVD_CH, ServerStep.PROCESS_CLIENT_HELLO,
                "RFC 8446 §4.1.2, Appendix A.2; RFC 5246 §7.4.1.2");
        t.add(RECVD_CH, Input.SELECT_HELLO_RETRY, LOCAL, ALWAYS, WAIT_CH_RETRY, ServerStep.SEND_HELLO_RETRY_REQUEST,
                "RFC 8446 §4.1.4, Appendix D.4",
                send(Message.HELLO_RETRY_REQUEST, PLAINTEXT),
                sendIf(Message.CHANGE_CIPHER_SPEC, PLAINTEXT, MIDDLEBOX_CCS_AFTER_HELLO_RETRY));
        t.add(RECVD_CH, Input.SELECT_PARAMETERS, LOCAL, TLS13, NEGOTIATED, ServerStep.SELECT_PARAMETERS,
                "RFC 8446 §4.1.1, Appendix A.2");
        t.add(RECVD_CH, Input.SELECT_PARAMETERS, LOCAL, TLS12_FULL_CLIENT_AUTH, TLS12_WAIT_CLIENT_CERT,
                ServerStep.SELECT_PARAMETERS, "RFC 5246 §7.3 Figure 1, §7.4.1.3-§7.4.5",
                send(Message.SERVER_HELLO, PLAINTEXT),
                send(Message.CERTIFICATE, PLAINTEXT),
                sendIf(Message.SERVER_KEY_EXCHANGE, PLAINTEXT, EPHEMERAL_KEY_EXCHANGE),
                send(Message.CERTIFICATE_REQUEST, PLAINTEXT),
                send(Message.SERVER_HELLO_DONE, PLAINTEXT));
        t.add(RECVD_CH, Input.SELECT_PARAMETERS, LOCAL, TLS12_FULL_NO_CLIENT_AUTH, TLS12_WAIT_CKE,
                ServerStep.SELECT_PARAMETERS, "RFC 5246 §7.3 Figure 1, §7.4.1.3-§7.4.5",
                send(Message.SERVER_HELLO, PLAINTEXT),
                send(Message.CERTIFICATE, PLAINTEXT),
                sendIf(Message.SERVER_KEY_EXCHANGE, PLAINTEXT, EPHEMERAL_KEY_EXCHANGE),
                send(Message.SERVER_HELLO_DONE, PLAINTEXT));
        // RFC 5077 §3.1, §3.4: in an abbreviated handshake a renewed ticket precedes the server's ChangeCipherSpec.
        t.add(RECVD_CH, Input.SELECT_PARAMETERS, LOCAL, TLS12_ABBREVIATED, TLS12_WAIT_CCS, ServerStep.SELECT_PARAMETERS,
                "RFC 5246 §7.3 Figure 2; RFC 5077 §3.1, §3.4",
                send(Message.SERVER_HELLO, PLAINTEXT),
                sendIf(Message.NEW_SESSION_TICKET, PLAINTEXT, TICKET_EXPECTED),
                send(Message.CHANGE_CIPHER_SPEC, PLAINTEXT),
                send(Message.FINISHED, APPLICATION));
        t.add(WAIT_CH_RETRY, Input.CLIENT_HELLO, PLAINTEXT, ALWAYS, RECVD_CH_RETRY, ServerStep.PROCESS_RETRIED_CLIENT_HELLO,
                "RFC 8446 §4.1.4");
        // RFC 8446 §4.1.4: after HelloRetryRequest only a TLS 1.3 selection; RECVD_CH_RETRY has no retry edge.
        t.add(RECVD_CH_RETRY, Input.SELECT_PARAMETERS, LOCAL, ALWAYS, NEGOTIATED, ServerStep.SELECT_PARAMETERS,
                "RFC 8446 §4.1.4, Appendix A.2");
    }

    private static void tls13(TransitionListBuilder<ServerState, ServerSteps> t) {
        // RFC 8446 Appendix A.2: after its flight the server waits in WAIT_EOED (0-RTT accepted) or WAIT_FLIGHT2.
        String flightRfc = "RFC 8446 §4.1.3-§4.4.4, Appendix A.2, Appendix D.4";
        Output[] flight = {
                send(Message.SERVER_HELLO, PLAINTEXT),
                sendIf(Message.CHANGE_CIPHER_SPEC, PLAINTEXT, MIDDLEBOX_CCS_AFTER_SERVER_HELLO),
                send(Message.ENCRYPTED_EXTENSIONS, HANDSHAKE),
                sendIf(Message.CERTIFICATE_REQUEST, HANDSHAKE, CLIENT_AUTH_REQUESTED),
                sendIf(Message.CERTIFICATE, HANDSHAKE, CERTIFICATE_AUTHENTICATION),
                sendIf(Message.CERTIFICATE_VERIFY, HANDSHAKE, CERTIFICATE_AUTHENTICATION),
                send(Message.FINISHED, HANDSHAKE)};
        t.add(NEGOTIATED, Input.SEND_SERVER_FLIGHT, LOCAL, EARLY_DATA_ACCEPTED, WAIT_EOED, ServerStep.SEND_SERVER_FLIGHT,
                flightRfc, flight);
        t.add(NEGOTIATED, Input.SEND_SERVER_FLIGHT, LOCAL, NOT_EARLY_DATA_ACCEPTED, WAIT_FLIGHT2,
                ServerStep.SEND_SERVER_FLIGHT, flightRfc, flight);
        t.add(WAIT_EOED, Input.APPLICATION_DATA, EARLY, ALWAYS, WAIT_EOED, ServerStep.RECEIVE_APPLICATION_DATA,
                "RFC 8446 §4.2.10");
        t.add(WAIT_EOED, Input.END_OF_EARLY_DATA, EARLY, ALWAYS, WAIT_FLIGHT2, ServerStep.PROCESS_END_OF_EARLY_DATA,
                "RFC 8446 §4.5, Appendix A.2");
        // RFC 8446 Appendix A.2: WAIT_FLIGHT2's ε-edges (client auth or not) are taken on the client's first
        // handshake-protected message. §4.4.2: the client sends Certificate if and only if it was requested.
        // PSK excludes CertificateRequest (§4.3.2), so 0-RTT and client auth exclude each other.
        t.add(WAIT_FLIGHT2, Input.CERTIFICATE, HANDSHAKE, CLIENT_AUTH_REQUESTED, WAIT_CV,
                ServerStep.PROCESS_CLIENT_CERTIFICATE, "RFC 8446 §4.4.2, Appendix A.2");
        t.add(WAIT_FLIGHT2, Input.CERTIFICATE_EMPTY, HANDSHAKE, CLIENT_AUTH_REQUESTED, WAIT_FINISHED,
                ServerStep.PROCESS_CLIENT_CERTIFICATE, "RFC 8446 §4.4.2.4, Appendix A.2");
        t.add(WAIT_FLIGHT2, Input.FINISHED, HANDSHAKE, NOT_CLIENT_AUTH_REQUESTED, CONNECTED,
                ServerStep.PROCESS_CLIENT_FINISHED, "RFC 8446 §4.4.4, §4.6.1, Appendix A.2",
                sendIf(Message.NEW_SESSION_TICKET, APPLICATION, TICKETS_ENABLED));
        // The other guard of each: a Certificate nobody asked for, or a Finished without the requested Certificate.
        for (Input wrong : List.of(Input.CERTIFICATE, Input.CERTIFICATE_EMPTY)) {
            t.add(WAIT_FLIGHT2, wrong, HANDSHAKE, NOT_CLIENT_AUTH_REQUESTED, FAILED, ServerStep.ABORT_HANDSHAKE,
                    "RFC 8446 §4.4.2, Appendix A.2", send(Message.ALERT_UNEXPECTED_MESSAGE, APPLICATION));
        }
        t.add(WAIT_FLIGHT2, Input.FINISHED, HANDSHAKE, CLIENT_AUTH_REQUESTED, FAILED, ServerStep.ABORT_HANDSHAKE,
                "RFC 8446 §4.4.2, Appendix A.2", send(Message.ALERT_UNEXPECTED_MESSAGE, APPLICATION));
        t.add(WAIT_CV, Input.CERTIFICATE_VERIFY, HANDSHAKE, ALWAYS, WAIT_FINISHED,
                ServerStep.PROCESS_CLIENT_CERTIFICATE_VERIFY, "RFC 8446 §4.4.3");
        t.add(WAIT_FINISHED, Input.FINISHED, HANDSHAKE, ALWAYS, CONNECTED, ServerStep.PROCESS_CLIENT_FINISHED,
                "RFC 8446 §4.4.4, §4.6.1", sendIf(Message.NEW_SESSION_TICKET, APPLICATION, TICKETS_ENABLED));
        // RFC 8446 §4.4.4: the server may send data after its Finished, before the client's (0.5-RTT).
        for (ServerState s : List.of(WAIT_EOED, WAIT_FLIGHT2, WAIT_CV, WAIT_FINISHED)) {
            t.add(s, Input.APPLICATION_WRITE, LOCAL, ALWAYS, s, ServerStep.WRITE_APPLICATION_DATA, "RFC 8446 §4.4.4",
                    send(Message.APPLICATION_DATA, APPLICATION));
        }
    }

    private static void tls13Connected(TransitionListBuilder<ServerState, ServerSteps> t) {
        t.add(CONNECTED, Input.REQUEST_CLIENT_AUTH, LOCAL, POST_HANDSHAKE_AUTH_OFFERED, POST_HANDSHAKE_WAIT_CERT,
                ServerStep.REQUEST_CLIENT_AUTH, "RFC 8446 §4.6.2", send(Message.CERTIFICATE_REQUEST, APPLICATION));
        // RFC 8446 §4.6.2: servers MUST NOT send a post-handshake CertificateRequest without post_handshake_auth.
        t.add(CONNECTED, Input.REQUEST_CLIENT_AUTH, LOCAL, NO_POST_HANDSHAKE_AUTH, CONNECTED,
                ServerStep.DECLINE_CLIENT_AUTH, "RFC 8446 §4.6.2");
        t.add(POST_HANDSHAKE_WAIT_CERT, Input.CERTIFICATE, APPLICATION, ALWAYS, POST_HANDSHAKE_WAIT_CV,
                ServerStep.PROCESS_CLIENT_CERTIFICATE, "RFC 8446 §4.6.2, §4.4.2");
        t.add(POST_HANDSHAKE_WAIT_CERT, Input.CERTIFICATE_EMPTY, APPLICATION, ALWAYS, POST_HANDSHAKE_WAIT_FINISHED,
                ServerStep.PROCESS_CLIENT_CERTIFICATE, "RFC 8446 §4.6.2, §4.4.2.4");
        t.add(POST_HANDSHAKE_WAIT_CV, Input.CERTIFICATE_VERIFY, APPLICATION, ALWAYS, POST_HANDSHAKE_WAIT_FINISHED,
                ServerStep.PROCESS_CLIENT_CERTIFICATE_VERIFY, "RFC 8446 §4.6.2, §4.4.3");
        t.add(POST_HANDSHAKE_WAIT_FINISHED, Input.FINISHED, APPLICATION, ALWAYS, CONNECTED,
                ServerStep.PROCESS_CLIENT_FINISHED, "RFC 8446 §4.6.2, §4.4.4");
        // RFC 8446 §4.6.2: the server tolerates other messages before the client's response starts (CONNECTED,
        // POST_HANDSHAKE_WAIT_CERT), but "All of the client's messages for a given response MUST appear consecutively
        // on the wire with no intervening messages of other types": nothing is received between them.
        for (ServerState s : List.of(CONNECTED, POST_HANDSHAKE_WAIT_CERT)) {
            t.add(s, Input.KEY_UPDATE_NOT_REQUESTED, APPLICATION, ALWAYS, s, ServerStep.PROCESS_KEY_UPDATE,
                    "RFC 8446 §4.6.3");
            t.add(s, Input.KEY_UPDATE_REQUESTED, APPLICATION, ALWAYS, s, ServerStep.PROCESS_KEY_UPDATE,
                    "RFC 8446 §4.6.3", send(Message.KEY_UPDATE_NOT_REQUESTED, APPLICATION));
            t.add(s, Input.APPLICATION_DATA, APPLICATION, ALWAYS, s, ServerStep.RECEIVE_APPLICATION_DATA,
                    "RFC 8446 §2, §6.1");
        }
        for (ServerState s : List.of(CONNECTED, POST_HANDSHAKE_WAIT_CERT, POST_HANDSHAKE_WAIT_CV,
                POST_HANDSHAKE_WAIT_FINISHED)) {
            t.add(s, Input.REQUEST_KEY_UPDATE, LOCAL, ALWAYS, s, ServerStep.REQUEST_KEY_UPDATE, "RFC 8446 §4.6.3",
                    send(Message.KEY_UPDATE_REQUESTED, APPLICATION));
            t.add(s, Input.SEND_NEW_SESSION_TICKET, LOCAL, ALWAYS, s, ServerStep.SEND_NEW_SESSION_TICKET,
                    "RFC 8446 §4.6.1", sendIf(Message.NEW_SESSION_TICKET, APPLICATION, TICKETS_ENABLED));
            localApplicationTraffic(t, s, "RFC 8446 §2, §6.1");
        }
    }

    private static void tls12(TransitionListBuilder<ServerState, ServerSteps> t) {
        // RFC 5246 §7.4.6, §7.4.8: CertificateVerify only after a non-empty client Certificate.
        t.add(TLS12_WAIT_CLIENT_CERT, Input.CERTIFICATE, PLAINTEXT, ALWAYS, TLS12_WAIT_CKE_THEN_CV,
                ServerStep.PROCESS_CLIENT_CERTIFICATE, "RFC 5246 §7.4.6");
        t.add(TLS12_WAIT_CLIENT_CERT, Input.CERTIFICATE_EMPTY, PLAINTEXT, ALWAYS, TLS12_WAIT_CKE,
                ServerStep.PROCESS_CLIENT_CERTIFICATE, "RFC 5246 §7.4.6");
        t.add(TLS12_WAIT_CKE, Input.CLIENT_KEY_EXCHANGE, PLAINTEXT, ALWAYS, TLS12_WAIT_CCS,
                ServerStep.PROCESS_CLIENT_KEY_EXCHANGE, "RFC 5246 §7.4.7");
        t.add(TLS12_WAIT_CKE_THEN_CV, Input.CLIENT_KEY_EXCHANGE, PLAINTEXT, ALWAYS, TLS12_WAIT_CERT_VERIFY,
                ServerStep.PROCESS_CLIENT_KEY_EXCHANGE, "RFC 5246 §7.4.7");
        t.add(TLS12_WAIT_CERT_VERIFY, Input.CERTIFICATE_VERIFY, PLAINTEXT, ALWAYS, TLS12_WAIT_CCS,
                ServerStep.PROCESS_CLIENT_CERTIFICATE_VERIFY, "RFC 5246 §7.4.8");
        // CVE-2014-0224: ChangeCipherSpec is accepted only here, after the key exchange is complete.
        t.add(TLS12_WAIT_CCS, Input.CHANGE_CIPHER_SPEC, PLAINTEXT, ALWAYS, TLS12_WAIT_FINISHED,
                ServerStep.PROCESS_CHANGE_CIPHER_SPEC, "RFC 5246 §7.1");
        t.add(TLS12_WAIT_FINISHED, Input.FINISHED, APPLICATION, TLS12_FULL, TLS12_CONNECTED,
                ServerStep.PROCESS_TLS12_CLIENT_FINISHED, "RFC 5246 §7.4.9, §7.3 Figure 1; RFC 5077 §3.3",
                sendIf(Message.NEW_SESSION_TICKET, PLAINTEXT, TICKET_EXPECTED),
                send(Message.CHANGE_CIPHER_SPEC, PLAINTEXT),
                send(Message.FINISHED, APPLICATION));
        t.add(TLS12_WAIT_FINISHED, Input.FINISHED, APPLICATION, TLS12_ABBREVIATED, TLS12_CONNECTED,
                ServerStep.PROCESS_TLS12_CLIENT_FINISHED, "RFC 5246 §7.4.9, §7.3 Figure 2");
        // RFC 5246 §7.4.1.2, §7.2.2: a ClientHello after the handshake is refused with warning no_renegotiation.
        t.add(TLS12_CONNECTED, Input.CLIENT_HELLO, APPLICATION, ALWAYS, TLS12_CONNECTED, ServerStep.REFUSE_RENEGOTIATION,
                "RFC 5246 §7.4.1.2, §7.2.2", send(Message.ALERT_NO_RENEGOTIATION, APPLICATION));
        applicationTraffic(t, TLS12_CONNECTED, "RFC 5246 §6.2, §7.2.1");
    }

    private static void applicationTraffic(TransitionListBuilder<ServerState, ServerSteps> t, ServerState s, String rfc) {
        t.add(s, Input.APPLICATION_DATA, APPLICATION, ALWAYS, s, ServerStep.RECEIVE_APPLICATION_DATA, rfc);
        localApplicationTraffic(t, s, rfc);
    }

    private static void localApplicationTraffic(TransitionListBuilder<ServerState, ServerSteps> t, ServerState s,
            String rfc) {
        t.add(s, Input.APPLICATION_WRITE, LOCAL, ALWAYS, s, ServerStep.WRITE_APPLICATION_DATA, rfc,
                send(Message.APPLICATION_DATA, APPLICATION));
        t.add(s, Input.CLOSE, LOCAL, ALWAYS, CLOSED, ServerStep.CLOSE, rfc, send(Message.ALERT_CLOSE_NOTIFY, APPLICATION));
    }

    /**
     * RFC 8446 §5: after the first ClientHello is received and before the client Finished is received, an
     * unprotected ChangeCipherSpec is dropped without further processing; anywhere else it is unexpected.
     */
    private static void middleboxChangeCipherSpec(TransitionListBuilder<ServerState, ServerSteps> t) {
        for (ServerState s : List.of(WAIT_CH_RETRY, WAIT_EOED, WAIT_FLIGHT2, WAIT_CV, WAIT_FINISHED)) {
            t.add(s, Input.CHANGE_CIPHER_SPEC, PLAINTEXT, ALWAYS, s, ServerStep.IGNORE_CHANGE_CIPHER_SPEC, "RFC 8446 §5");
        }
    }

    /**
     * RFC 8446 Appendix A.1 (note under the client diagram): "clients may send alerts that derive from
     * post-ServerHello messages in the clear or with the early data keys". Between sending its ServerHello and
     * receiving the client's first handshake-protected message the server therefore also accepts fatal alerts and
     * close_notify in the clear, and in WAIT_FLIGHT2 also under the early data keys (WAIT_EOED reads those anyway).
     */
    private static void alertsBeforeTheClientRekeys(TransitionListBuilder<ServerState, ServerSteps> t) {
        String rfc = "RFC 8446 Appendix A.1, §6";
        for (ServerState s : List.of(WAIT_EOED, WAIT_FLIGHT2)) {
            for (Epoch epoch : s == WAIT_EOED ? List.of(PLAINTEXT) : List.of(PLAINTEXT, EARLY)) {
                t.add(s, Input.ALERT_FATAL, epoch, ALWAYS, FAILED, ServerStep.RECEIVE_FATAL_ALERT, rfc);
                t.add(s, Input.ALERT_CLOSE_NOTIFY, epoch, ALWAYS, CLOSED, ServerStep.RECEIVE_CLOSE_NOTIFY, rfc,
                        closeNotifyReply(s));
            }
        }
    }

    /** RFC 8446 §6, RFC 5246 §7.2: alerts under the state's read epoch, in every state that reads records. */
    private static void alerts(TransitionListBuilder<ServerState, ServerSteps> t) {
        for (ServerState s : ServerState.values()) {
            if (s.terminal() || s.readEpoch() == LOCAL) {
                continue;
            }
            t.add(s, Input.ALERT_FATAL, s.readEpoch(), ALWAYS, FAILED, ServerStep.RECEIVE_FATAL_ALERT,
                    "RFC 8446 §6.2; RFC 5246 §7.2.2");
            if (s != POST_HANDSHAKE_WAIT_CV && s != POST_HANDSHAKE_WAIT_FINISHED) {
                // RFC 8446 §4.6.2: no message of another type between the client's post-handshake auth messages.
                t.add(s, Input.ALERT_WARNING, s.readEpoch(), ALWAYS, s, ServerStep.RECEIVE_WARNING_ALERT,
                        "RFC 8446 §6.1 (user_canceled); RFC 5246 §7.2");
            }
            t.add(s, Input.ALERT_CLOSE_NOTIFY, s.readEpoch(), ALWAYS, CLOSED, ServerStep.RECEIVE_CLOSE_NOTIFY,
                    "RFC 8446 §6.1; RFC 5246 §7.2.1", closeNotifyReply(s));
        }
    }

    /**
     * RFC 5246 §7.2.1: "The other party MUST respond with a close_notify alert of its own"; RFC 8446 §6.1: "Each
     * party MUST send a close_notify alert before closing its write side". The answer goes out under the server's
     * current write keys: plaintext before its ChangeCipherSpec (TLS 1.2) or before its ServerHello (TLS 1.3), the
     * application keys after its Finished (RFC 8446 Appendix A.2 "K_send = application"; RFC 5246 §7.1).
     */
    private static Output[] closeNotifyReply(ServerState s) {
        return switch (s) {
            case START, WAIT_CH_RETRY, TLS12_WAIT_CLIENT_CERT, TLS12_WAIT_CKE, TLS12_WAIT_CKE_THEN_CV,
                    TLS12_WAIT_CERT_VERIFY -> new Output[] {send(Message.ALERT_CLOSE_NOTIFY, PLAINTEXT)};
            // The abbreviated handshake's server sent ChangeCipherSpec and Finished first (RFC 5246 §7.3 Figure 2).
            case TLS12_WAIT_CCS, TLS12_WAIT_FINISHED -> new Output[] {
                    sendIf(Message.ALERT_CLOSE_NOTIFY, PLAINTEXT, TLS12_FULL),
                    sendIf(Message.ALERT_CLOSE_NOTIFY, APPLICATION, TLS12_ABBREVIATED)};
            default -> new Output[] {send(Message.ALERT_CLOSE_NOTIFY, APPLICATION)};
        };
    }
}
