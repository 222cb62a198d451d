package io.tlsmachine.verification.model;

import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a client definition against a server definition under one facts combination with a perfect network: each
 * side's outputs are delivered to the other in order (as {@code Message.receivedAs()} under the output's epoch),
 * local decisions are taken as the facts say, and the trace of sent messages is recorded. Early records sent to a
 * server that did not accept 0-RTT are skipped, as its record layer does (RFC 8446 §4.2.10, Appendix A.2).
 *
 * <p>Scheduling is fixed so traces are comparable: a pending local decision first, then the oldest message to the
 * server, then the oldest message to the client.
 */
public final class HandshakeComposer {

    private static final int MAX_STEPS = 200;

    private HandshakeComposer() {
    }

    /**
     * Records how a run ended.
     *
     * @param trace the messages in sending order, as {@code C ClientHello@plaintext} / {@code S Finished@handshake}
     * @param clientState the client's final state name
     * @param serverState the server's final state name
     * @param failure why the run stopped early (an unexpected input or a terminal state), or {@code null}
     */
    public record Run(List<String> trace, String clientState, String serverState, String failure) {

        /** Tells whether both sides ended connected with nothing left to deliver. */
        public boolean completed() {
            return failure == null;
        }
    }

    /** Runs one handshake. */
    public static Run run(Machines machines, Negotiated facts) {
        return new Composition<>(machines.client(), machines.server(), facts).run();
    }

    private static final class Side<S extends Enum<S> & ModelState, P> {
        final MachineDefinition<S, P> definition;
        final String tag;
        S state;

        Side(MachineDefinition<S, P> definition, String tag) {
            this.definition = definition;
            this.tag = tag;
            this.state = definition.initial();
        }

        /** Fires (input, epoch) and returns the enabled outputs, or throws with a description. */
        List<Output> fire(Input input, io.tlsmachine.model.Epoch epoch, Negotiated facts) {
            Transition<S, P> t = definition.compiled().find(state, input, epoch, facts);
            if (t == null) {
                throw new IllegalStateException(tag + " rejects " + input + "@" + epoch.label() + " in " + state.name());
            }
            state = t.to();
            return t.outputsFor(facts);
        }
    }

    private static final class Composition<C extends Enum<C> & ModelState, CP, S extends Enum<S> & ModelState, SP> {
        final Side<C, CP> client;
        final Side<S, SP> server;
        final Negotiated facts;
        final ArrayDeque<Output> toServer = new ArrayDeque<>();
        final ArrayDeque<Output> toClient = new ArrayDeque<>();
        final List<String> trace = new ArrayList<>();
        boolean helloRetrySent;

        Composition(MachineDefinition<C, CP> client, MachineDefinition<S, SP> server, Negotiated facts) {
            this.client = new Side<>(client, "C");
            this.server = new Side<>(server, "S");
            this.facts = facts;
        }

        Run run() {
            try {
                send(client, client.fire(Input.CONNECT, io.tlsmachine.model.Epoch.LOCAL, facts), toServer);
                for (int step = 0; step < MAX_STEPS; step++) {
                    if (client.state.terminal() || server.state.terminal()) {
                        return end("ended in a terminal state");
                    }
                    Input decision = decision(server);
                    if (decision != null) {
                        helloRetrySent |= decision == Input.SELECT_HELLO_RETRY;
                        send(server, server.fire(decision, io.tlsmachine.model.Epoch.LOCAL, facts), toClient);
                    } else if (!toServer.isEmpty()) {
                        Output o = toServer.poll();
                        if (o.epoch() == io.tlsmachine.model.Epoch.EARLY && !facts.earlyDataAccepted()) {
                            // RFC 8446 §4.2.10: a server that rejects 0-RTT skips the early records in its record layer.
                            continue;
                        }
                        send(server, server.fire(o.message().receivedAs(), o.epoch(), facts), toClient);
                    } else if (!toClient.isEmpty()) {
                        Output o = toClient.poll();
                        send(client, client.fire(o.message().receivedAs(), o.epoch(), facts), toServer);
                    } else if (client.state.connected() && server.state.connected()) {
                        return new Run(trace, client.state.name(), server.state.name(), null);
                    } else {
                        return end("stalled: nothing to deliver and no decision to take");
                    }
                }
                return end("no end after " + MAX_STEPS + " steps");
            } catch (IllegalStateException e) {
                return end(e.getMessage());
            }
        }

        private Input decision(Side<S, SP> side) {
            if (side.state.terminal() || side.state.readEpoch() != io.tlsmachine.model.Epoch.LOCAL) {
                return null;
            }
            var compiled = side.definition.compiled();
            boolean retry = facts.helloRetryRequested() && !helloRetrySent;
            for (Input candidate : List.of(Input.SELECT_HELLO_RETRY, Input.SELECT_PARAMETERS, Input.SEND_SERVER_FLIGHT)) {
                if (candidate == Input.SELECT_HELLO_RETRY && !retry) {
                    continue;
                }
                if (compiled.find(side.state, candidate, io.tlsmachine.model.Epoch.LOCAL, facts) != null) {
                    return candidate;
                }
            }
            return null;
        }

        private void send(Side<?, ?> from, List<Output> outputs, ArrayDeque<Output> queue) {
            for (Output o : outputs) {
                trace.add(from.tag + " " + o.message().label() + "@" + o.epoch().label());
                queue.add(o);
            }
        }

        private Run end(String why) {
            return new Run(trace, client.state.name(), server.state.name(),
                    why + " (client " + client.state.name() + ", server " + server.state.name() + ")");
        }
    }
}
