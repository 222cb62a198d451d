package io.tlsmachine.model.client;

import static io.tlsmachine.model.Epoch.EARLY;
import static io.tlsmachine.model.Epoch.LOCAL;
import static io.tlsmachine.model.Epoch.PLAINTEXT;
import static io.tlsmachine.model.Guard.ALWAYS;
import static io.tlsmachine.model.Guard.DOWNGRADE_DETECTED;
import static io.tlsmachine.model.Guard.EARLY_DATA_OFFERED;
import static io.tlsmachine.model.Guard.MIDDLEBOX_CCS_AFTER_CLIENT_HELLO;
import static io.tlsmachine.model.Guard.MIDDLEBOX_CCS_BEFORE_SECOND_CLIENT_HELLO;
import static io.tlsmachine.model.Guard.TLS12;
import static io.tlsmachine.model.Guard.TLS12_ABBREVIATED_NO_TICKET;
import static io.tlsmachine.model.Guard.TLS12_ABBREVIATED_TICKET_EXPECTED;
import static io.tlsmachine.model.Guard.TLS12_FULL_NO_DOWNGRADE;
import static io.tlsmachine.model.Guard.TLS13;
import static io.tlsmachine.model.TransitionListBuilder.send;
import static io.tlsmachine.model.TransitionListBuilder.sendIf;
import static io.tlsmachine.model.client.ClientState.*;

import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.TransitionListBuilder;

/**
 * Declares the client's hellos (RFC 8446 Appendix A.1 from START to the ServerHello; RFC 5246 §7.3 Figure 1 down
 * to ServerHello): ClientHello, at most one HelloRetryRequest, and the ServerHello whose version chooses the
 * TLS 1.3 or the TLS 1.2 region.
 */
final class ClientHelloTransitions {

    private ClientHelloTransitions() {
    }

    /** Declares START, WAIT_SH and WAIT_SH_RETRY. */
    static void declare(TransitionListBuilder<ClientState, ClientSteps> t) {
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
        // Before the ServerHello the version is the highest the client offered. RFC 8446 §5: a client that offered
        // TLS 1.3 "may receive an unencrypted record of type change_cipher_spec consisting of the single byte value
        // 0x01 at any time after the first ClientHello message has been sent ... and MUST simply drop it"; a client
        // that offered only TLS 1.2 has no such rule, and RFC 5246 §7.1 puts ChangeCipherSpec after the key exchange:
        // before the ServerHello it is a message out of order (unexpected_message, RFC 5246 §7.2.2).
        t.add(WAIT_SH, Input.CHANGE_CIPHER_SPEC, PLAINTEXT, TLS13, WAIT_SH, ClientStep.IGNORE_CHANGE_CIPHER_SPEC,
                "RFC 8446 §5, Appendix D.4");
        t.add(WAIT_SH, Input.CHANGE_CIPHER_SPEC, PLAINTEXT, TLS12, FAILED, ClientStep.ABORT_HANDSHAKE,
                "RFC 5246 §7.1, §7.2.2", send(Message.ALERT_UNEXPECTED_MESSAGE, PLAINTEXT));
        // RFC 5246 §7.4.1.2: after ClientHello, any server handshake message except HelloRequest is fatal.
        t.add(WAIT_SH, Input.HELLO_REQUEST, PLAINTEXT, ALWAYS, WAIT_SH, ClientStep.IGNORE_HELLO_REQUEST,
                "RFC 5246 §7.4.1.1, §7.4.1.2");
        t.add(WAIT_SH_RETRY, Input.SERVER_HELLO, PLAINTEXT, TLS13, WAIT_EE, ClientStep.PROCESS_SERVER_HELLO,
                "RFC 8446 §4.1.4");
        // RFC 8446 §4.1.4: the ServerHello's version must be the one the HelloRetryRequest selected.
        t.add(WAIT_SH_RETRY, Input.SERVER_HELLO, PLAINTEXT, TLS12, FAILED, ClientStep.ABORT_HANDSHAKE,
                "RFC 8446 §4.1.4", send(Message.ALERT_ILLEGAL_PARAMETER, PLAINTEXT));
    }
}
