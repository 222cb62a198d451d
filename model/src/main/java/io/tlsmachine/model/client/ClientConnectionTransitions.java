package io.tlsmachine.model.client;

import static io.tlsmachine.model.Epoch.APPLICATION;
import static io.tlsmachine.model.Epoch.EARLY;
import static io.tlsmachine.model.Epoch.HANDSHAKE;
import static io.tlsmachine.model.Epoch.LOCAL;
import static io.tlsmachine.model.Epoch.PLAINTEXT;
import static io.tlsmachine.model.Guard.ALWAYS;
import static io.tlsmachine.model.Guard.EARLY_DATA_ACCEPTED;
import static io.tlsmachine.model.Guard.NOT_EARLY_DATA_ACCEPTED;
import static io.tlsmachine.model.Guard.TLS12_ABBREVIATED;
import static io.tlsmachine.model.Guard.TLS12_FULL;
import static io.tlsmachine.model.TransitionListBuilder.send;
import static io.tlsmachine.model.TransitionListBuilder.sendIf;
import static io.tlsmachine.model.client.ClientState.*;

import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.TransitionListBuilder;

/**
 * Declares what the client's two versions share: application data and close in a connected state, and the alerts
 * (fatal, warning, close_notify) every state that reads records accepts, with the close_notify it answers.
 */
final class ClientConnectionTransitions {

    private ClientConnectionTransitions() {
    }

    /** Declares application data in both directions and the local close in connected state {@code s}. */
    static void applicationTraffic(TransitionListBuilder<ClientState, ClientSteps> t, ClientState s, String rfc) {
        t.add(s, Input.APPLICATION_DATA, APPLICATION, ALWAYS, s, ClientStep.RECEIVE_APPLICATION_DATA, rfc);
        t.add(s, Input.APPLICATION_WRITE, LOCAL, ALWAYS, s, ClientStep.WRITE_APPLICATION_DATA, rfc,
                send(Message.APPLICATION_DATA, APPLICATION));
        t.add(s, Input.CLOSE, LOCAL, ALWAYS, CLOSED, ClientStep.CLOSE, rfc, send(Message.ALERT_CLOSE_NOTIFY, APPLICATION));
    }

    /** RFC 8446 §6, RFC 5246 §7.2: alerts under the state's read epoch, in every state that reads records. */
    static void alerts(TransitionListBuilder<ClientState, ClientSteps> t) {
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
