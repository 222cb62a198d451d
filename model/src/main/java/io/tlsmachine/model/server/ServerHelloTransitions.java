package io.tlsmachine.model.server;

import static io.tlsmachine.model.Epoch.APPLICATION;
import static io.tlsmachine.model.Epoch.LOCAL;
import static io.tlsmachine.model.Epoch.PLAINTEXT;
import static io.tlsmachine.model.Guard.ALWAYS;
import static io.tlsmachine.model.Guard.EPHEMERAL_KEY_EXCHANGE;
import static io.tlsmachine.model.Guard.MIDDLEBOX_CCS_AFTER_HELLO_RETRY;
import static io.tlsmachine.model.Guard.TICKET_EXPECTED;
import static io.tlsmachine.model.Guard.TLS12_ABBREVIATED;
import static io.tlsmachine.model.Guard.TLS12_FULL_CLIENT_AUTH;
import static io.tlsmachine.model.Guard.TLS12_FULL_NO_CLIENT_AUTH;
import static io.tlsmachine.model.Guard.TLS13;
import static io.tlsmachine.model.TransitionListBuilder.send;
import static io.tlsmachine.model.TransitionListBuilder.sendIf;
import static io.tlsmachine.model.server.ServerState.*;

import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.TransitionListBuilder;

/**
 * Declares the server's hellos (RFC 8446 Appendix A.2 from START to NEGOTIATED; RFC 5246 §7.3 Figures 1-2 down to
 * the server's first flight): the ClientHello, the local decision to send a HelloRetryRequest or to select the
 * parameters, and with them the version: TLS 1.3 goes on to NEGOTIATED, TLS 1.2 sends its whole first flight.
 */
final class ServerHelloTransitions {

    private ServerHelloTransitions() {
    }

    /** Declares START, RECVD_CH, WAIT_CH_RETRY and RECVD_CH_RETRY. */
    static void declare(TransitionListBuilder<ServerState, ServerSteps> t) {
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
}
