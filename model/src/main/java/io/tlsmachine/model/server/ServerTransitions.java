package io.tlsmachine.model.server;

import io.tlsmachine.model.Transition;
import io.tlsmachine.model.TransitionListBuilder;
import java.util.List;

/**
 * Declares every transition of the server machine: the one source of the Squirrel machine, the compiled table,
 * the diagrams and the summary. The server's own choices (HelloRetryRequest, version, client auth, 0-RTT) are
 * local decision inputs or guards (the client-auth branch of WAIT_FLIGHT2 is a guard on the server's own fact).
 * One file per region, each read against its RFC figure: {@link ServerHelloTransitions} (the hellos, where the
 * version is chosen), {@link Tls13ServerTransitions} (RFC 8446 Appendix A.2), {@link Tls12ServerTransitions}
 * (RFC 5246 §7.3 Figures 1-2) and {@link ServerConnectionTransitions} (application data, close and alerts,
 * shared by both versions).
 */
final class ServerTransitions {

    private ServerTransitions() {
    }

    /** Returns the server's transitions in declaration order. */
    static List<Transition<ServerState, ServerSteps>> declare() {
        TransitionListBuilder<ServerState, ServerSteps> t = new TransitionListBuilder<>();
        ServerHelloTransitions.declare(t);
        Tls13ServerTransitions.handshake(t);
        Tls13ServerTransitions.connected(t);
        Tls12ServerTransitions.declare(t);
        Tls13ServerTransitions.middleboxChangeCipherSpec(t);
        ServerConnectionTransitions.alerts(t);
        Tls13ServerTransitions.alertsBeforeTheClientRekeys(t);
        return t.build();
    }
}
