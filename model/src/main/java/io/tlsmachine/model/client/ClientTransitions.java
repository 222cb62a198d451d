package io.tlsmachine.model.client;

import io.tlsmachine.model.Transition;
import io.tlsmachine.model.TransitionListBuilder;
import java.util.List;

/**
 * Declares every transition of the client machine: the one source of the Squirrel machine, the compiled table,
 * the diagrams and the summary. One file per region, each read against its RFC figure:
 * {@link ClientHelloTransitions} (the hellos, where the version is chosen), {@link Tls13ClientTransitions}
 * (RFC 8446 Appendix A.1), {@link Tls12ClientTransitions} (RFC 5246 §7.3 Figures 1-2) and
 * {@link ClientConnectionTransitions} (application data, close and alerts, shared by both versions).
 */
final class ClientTransitions {

    private ClientTransitions() {
    }

    /** Returns the client's transitions in declaration order. */
    static List<Transition<ClientState, ClientSteps>> declare() {
        TransitionListBuilder<ClientState, ClientSteps> t = new TransitionListBuilder<>();
        ClientHelloTransitions.declare(t);
        Tls13ClientTransitions.handshake(t);
        Tls13ClientTransitions.connected(t);
        Tls12ClientTransitions.declare(t);
        Tls13ClientTransitions.middleboxChangeCipherSpec(t);
        ClientConnectionTransitions.alerts(t);
        return t.build();
    }
}
