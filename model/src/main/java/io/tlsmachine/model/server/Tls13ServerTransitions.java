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
import static io.tlsmachine.model.Guard.MIDDLEBOX_CCS_AFTER_SERVER_HELLO;
import static io.tlsmachine.model.Guard.NOT_CLIENT_AUTH_REQUESTED;
import static io.tlsmachine.model.Guard.NOT_EARLY_DATA_ACCEPTED;
import static io.tlsmachine.model.Guard.NO_POST_HANDSHAKE_AUTH;
import static io.tlsmachine.model.Guard.POST_HANDSHAKE_AUTH_OFFERED;
import static io.tlsmachine.model.Guard.TICKETS_ENABLED;
import static io.tlsmachine.model.TransitionListBuilder.send;
import static io.tlsmachine.model.TransitionListBuilder.sendIf;
import static io.tlsmachine.model.server.ServerState.*;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.TransitionListBuilder;
import java.util.List;

/**
 * Declares the TLS 1.3 server after its parameters are selected, as RFC 8446 Appendix A.2 draws it (NEGOTIATED to
 * CONNECTED), its post-handshake exchanges (§4.6), the middlebox ChangeCipherSpec it drops (§5, Appendix D.4)
 * and the alerts a client may send before it rekeys (Appendix A.1). The figure, as the RFC draws it (our
 * WAIT_FLIGHT2 takes the "Client auth" ε-edge on the client's Certificate itself, so it has no separate WAIT_CERT;
 * the hellos up to NEGOTIATED are in {@link ServerHelloTransitions}):
 *
 * <pre>{@code
 *                               START <-----+
 *                Recv ClientHello |         | Send HelloRetryRequest
 *                                 v         |
 *                              RECVD_CH ----+
 *                                 | Select parameters
 *                                 v
 *                              NEGOTIATED
 *                                 | Send ServerHello
 *                                 | K_send = handshake
 *                                 | Send EncryptedExtensions
 *                                 | [Send CertificateRequest]
 *  Can send                       | [Send Certificate + CertificateVerify]
 *  app data                       | Send Finished
 *  after   -->                    | K_send = application
 *  here                  +--------+--------+
 *               No 0-RTT |                 | 0-RTT
 *                        |                 |
 *    K_recv = handshake  |                 | K_recv = early data
 *  [Skip decrypt errors] |    +------> WAIT_EOED -+
 *                        |    |       Recv |      | Recv EndOfEarlyData
 *                        |    | early data |      | K_recv = handshake
 *                        |    +------------+      |
 *                        |                        |
 *                        +> WAIT_FLIGHT2 <--------+
 *                                 |
 *                        +--------+--------+
 *                No auth |                 | Client auth
 *                        |                 |
 *                        |                 v
 *                        |             WAIT_CERT
 *                        |        Recv |       | Recv Certificate
 *                        |       empty |       v
 *                        | Certificate |    WAIT_CV
 *                        |             |       | Recv
 *                        |             v       | CertificateVerify
 *                        +-> WAIT_FINISHED <---+
 *                                 | Recv Finished
 *                                 | K_recv = application
 *                                 v
 *                             CONNECTED
 * }</pre>
 */
final class Tls13ServerTransitions {

    private Tls13ServerTransitions() {
    }

    /** Declares NEGOTIATED, WAIT_EOED, WAIT_FLIGHT2, WAIT_CV and WAIT_FINISHED (Appendix A.2). */
    static void handshake(TransitionListBuilder<ServerState, ServerSteps> t) {
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

    /** Declares CONNECTED and the POST_HANDSHAKE_ states (§4.6). */
    static void connected(TransitionListBuilder<ServerState, ServerSteps> t) {
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
            ServerConnectionTransitions.localApplicationTraffic(t, s, "RFC 8446 §2, §6.1");
        }
    }

    /**
     * RFC 8446 §5: after the first ClientHello is received and before the client Finished is received, an
     * unprotected ChangeCipherSpec is dropped without further processing; anywhere else it is unexpected.
     */
    static void middleboxChangeCipherSpec(TransitionListBuilder<ServerState, ServerSteps> t) {
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
    static void alertsBeforeTheClientRekeys(TransitionListBuilder<ServerState, ServerSteps> t) {
        String rfc = "RFC 8446 Appendix A.1, §6";
        for (ServerState s : List.of(WAIT_EOED, WAIT_FLIGHT2)) {
            for (Epoch epoch : s == WAIT_EOED ? List.of(PLAINTEXT) : List.of(PLAINTEXT, EARLY)) {
                t.add(s, Input.ALERT_FATAL, epoch, ALWAYS, FAILED, ServerStep.RECEIVE_FATAL_ALERT, rfc);
                t.add(s, Input.ALERT_CLOSE_NOTIFY, epoch, ALWAYS, CLOSED, ServerStep.RECEIVE_CLOSE_NOTIFY, rfc,
                        ServerConnectionTransitions.closeNotifyReply(s));
            }
        }
    }
}
