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
import static io.tlsmachine.model.Guard.EARLY_DATA_ACCEPTED;
import static io.tlsmachine.model.Guard.EMPTY_CLIENT_CERTIFICATE;
import static io.tlsmachine.model.Guard.MIDDLEBOX_CCS_BEFORE_CLIENT_FLIGHT;
import static io.tlsmachine.model.Guard.NO_CLIENT_CERTIFICATE;
import static io.tlsmachine.model.Guard.NO_POST_HANDSHAKE_AUTH;
import static io.tlsmachine.model.Guard.POST_HANDSHAKE_AUTH_OFFERED;
import static io.tlsmachine.model.Guard.PSK_ACCEPTED;
import static io.tlsmachine.model.TransitionListBuilder.send;
import static io.tlsmachine.model.TransitionListBuilder.sendIf;
import static io.tlsmachine.model.client.ClientState.*;

import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.TransitionListBuilder;
import java.util.List;

/**
 * Declares the TLS 1.3 client after ServerHello, as RFC 8446 Appendix A.1 draws it (WAIT_EE to CONNECTED), its
 * post-handshake messages (§4.6) and the middlebox ChangeCipherSpec it drops (§5, Appendix D.4). The figure, as the
 * RFC draws it (our WAIT_SH_RETRY is WAIT_SH after the one HelloRetryRequest; the hellos are in
 * {@link ClientHelloTransitions}):
 *
 * <pre>{@code
 *                               START <----+
 *                Send ClientHello |        | Recv HelloRetryRequest
 *           [K_send = early data] |        |
 *                                 v        |
 *            /                 WAIT_SH ----+
 *            |                    | Recv ServerHello
 *            |                    | K_recv = handshake
 *        Can |                    V
 *       send |                 WAIT_EE
 *      early |                    | Recv EncryptedExtensions
 *       data |           +--------+--------+
 *            |     Using |                 | Using certificate
 *            |       PSK |                 v
 *            |           |            WAIT_CERT_CR
 *            |           |        Recv |       | Recv CertificateRequest
 *            |           | Certificate |       v
 *            |           |             |    WAIT_CERT
 *            |           |             |       | Recv Certificate
 *            |           |             v       v
 *            |           |              WAIT_CV
 *            |           |                 | Recv CertificateVerify
 *            |           +> WAIT_FINISHED <+
 *            |                  | Recv Finished
 *            \                  | [Send EndOfEarlyData]
 *                               | K_send = handshake
 *                               | [Send Certificate [+ CertificateVerify]]
 *     Can send                  | Send Finished
 *     app data   -->            | K_send = K_recv = application
 *     after here                v
 *                           CONNECTED
 * }</pre>
 */
final class Tls13ClientTransitions {

    private Tls13ClientTransitions() {
    }

    /** Declares WAIT_EE, WAIT_CERT_CR, WAIT_CERT, WAIT_CV and WAIT_FINISHED (Appendix A.1). */
    static void handshake(TransitionListBuilder<ClientState, ClientSteps> t) {
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

    /** Declares what CONNECTED reads: tickets, KeyUpdate, post-handshake CertificateRequest (§4.6). */
    static void connected(TransitionListBuilder<ClientState, ClientSteps> t) {
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
        ClientConnectionTransitions.applicationTraffic(t, CONNECTED, "RFC 8446 §2, §6.1");
    }

    /**
     * RFC 8446 §5: after the first ClientHello is sent and before the server Finished is received, an unprotected
     * ChangeCipherSpec is dropped without further processing; anywhere else (or protected) it is unexpected. WAIT_SH,
     * where the version is not chosen yet, is declared with the hellos ({@code ClientHelloTransitions}).
     */
    static void middleboxChangeCipherSpec(TransitionListBuilder<ClientState, ClientSteps> t) {
        for (ClientState s : List.of(WAIT_SH_RETRY, WAIT_EE, WAIT_CERT_CR, WAIT_CERT, WAIT_CV, WAIT_FINISHED)) {
            t.add(s, Input.CHANGE_CIPHER_SPEC, PLAINTEXT, ALWAYS, s, ClientStep.IGNORE_CHANGE_CIPHER_SPEC, "RFC 8446 §5");
        }
    }
}
