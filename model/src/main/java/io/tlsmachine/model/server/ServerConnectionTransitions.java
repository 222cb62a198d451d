package io.tlsmachine.model.server;

import static io.tlsmachine.model.Epoch.APPLICATION;
import static io.tlsmachine.model.Epoch.LOCAL;
import static io.tlsmachine.model.Epoch.PLAINTEXT;
import static io.tlsmachine.model.Guard.ALWAYS;
import static io.tlsmachine.model.Guard.TLS12_ABBREVIATED;
import static io.tlsmachine.model.Guard.TLS12_FULL;
import static io.tlsmachine.model.TransitionListBuilder.send;
import static io.tlsmachine.model.TransitionListBuilder.sendIf;
import static io.tlsmachine.model.server.ServerState.*;

import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.TransitionListBuilder;

/**
 * Declares what the server's two versions share: application data and close in a connected state, and the alerts
 * (fatal, warning, close_notify) every state that reads records accepts, with the close_notify it answers.
 */
final class ServerConnectionTransitions {

    private ServerConnectionTransitions() {
    }

    /** Declares application data in both directions and the local close in connected state {@code s}. */
    static void applicationTraffic(TransitionListBuilder<ServerState, ServerSteps> t, ServerState s, String rfc) {
        t.add(s, Input.APPLICATION_DATA, APPLICATION, ALWAYS, s, ServerStep.RECEIVE_APPLICATION_DATA, rfc);
        localApplicationTraffic(t, s, rfc);
    }

    /** Declares the local application write and close in state {@code s}. */
    static void localApplicationTraffic(TransitionListBuilder<ServerState, ServerSteps> t, ServerState s,
            String rfc) {
        t.add(s, Input.APPLICATION_WRITE, LOCAL, ALWAYS, s, ServerStep.WRITE_APPLICATION_DATA, rfc,
                send(Message.APPLICATION_DATA, APPLICATION));
        t.add(s, Input.CLOSE, LOCAL, ALWAYS, CLOSED, ServerStep.CLOSE, rfc, send(Message.ALERT_CLOSE_NOTIFY, APPLICATION));
    }

    /** RFC 8446 §6, RFC 5246 §7.2: alerts under the state's read epoch, in every state that reads records. */
    static void alerts(TransitionListBuilder<ServerState, ServerSteps> t) {
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
    static Output[] closeNotifyReply(ServerState s) {
        return switch (s) {
            case START, WAIT_CH_RETRY, TLS12_WAIT_CLIENT_CERT, TLS12_WAIT_CKE, TLS12_WAIT_CKE_AFTER_CERT,
                    TLS12_WAIT_CERT_VERIFY -> new Output[] {send(Message.ALERT_CLOSE_NOTIFY, PLAINTEXT)};
            // The abbreviated handshake's server sent ChangeCipherSpec and Finished first (RFC 5246 §7.3 Figure 2).
            case TLS12_WAIT_CCS, TLS12_WAIT_FINISHED -> new Output[] {
                    sendIf(Message.ALERT_CLOSE_NOTIFY, PLAINTEXT, TLS12_FULL),
                    sendIf(Message.ALERT_CLOSE_NOTIFY, APPLICATION, TLS12_ABBREVIATED)};
            default -> new Output[] {send(Message.ALERT_CLOSE_NOTIFY, APPLICATION)};
        };
    }
}
