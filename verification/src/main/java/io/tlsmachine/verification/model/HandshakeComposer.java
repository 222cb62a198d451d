package io.tlsmachine.verification.model;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.analysis.Composition;
import io.tlsmachine.model.analysis.Endpoint;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a client definition against a server definition under one facts combination, over a perfect network or one
 * that commits a single {@link Fault} (drop, duplicate or reorder one message), by the rules of {@link Composition}:
 * each side's outputs are delivered to the other in order under the output's epoch, a handshake Finished verifies
 * only against the receiver's own transcript, early records a server did not accept are skipped, local decisions
 * are taken as the facts say. The trace of sent messages is recorded.
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
     * @param transcripts the handshake messages each side sent and accepted
     * @param faultApplied whether the network fault (if any) changed what was delivered
     * @param clientPath the client's transitions, in order
     * @param serverPath the server's transitions, in order
     */
    public record Run(List<String> trace, String clientState, String serverState, String failure,
            Transcripts transcripts, boolean faultApplied, List<Transition<?, ?>> clientPath,
            List<Transition<?, ?>> serverPath) {

        /** Tells whether both sides ended connected with nothing left to deliver. */
        public boolean completed() {
            return failure == null;
        }
    }

    /**
     * Records the handshake messages each side sent and accepted before it was connected (TLS 1.3 post-handshake
     * NewSessionTicket excluded; ChangeCipherSpec, alerts and application data are not handshake messages).
     */
    public record Transcripts(List<String> clientSent, List<String> serverReceived, List<String> serverSent,
            List<String> clientReceived) {

        /** Tells whether each side accepted exactly what the other sent. */
        public boolean agree() {
            return clientSent.equals(serverReceived) && serverSent.equals(clientReceived);
        }
    }

    /** Names one network fault applied to one message: drop it, deliver it twice, or swap it with the next one. */
    public enum FaultKind {
        DROP, DUPLICATE, SWAP_WITH_NEXT
    }

    /**
     * Describes one network fault: {@code kind} applied to the {@code index}-th message (from 0) sent by the
     * client ({@code fromClient}) or the server.
     */
    public record Fault(boolean fromClient, int index, FaultKind kind) {

        @Override
        public String toString() {
            return kind + " of " + (fromClient ? "client" : "server") + " message #" + index;
        }
    }

    /** Runs one handshake over a perfect network. */
    public static Run run(Machines machines, Negotiated facts) {
        return new Play(machines.composition(facts), null).run();
    }

    /** Runs one handshake over a network that commits {@code fault} once. */
    public static Run run(Machines machines, Negotiated facts, Fault fault) {
        return new Play(machines.composition(facts), fault).run();
    }

    /** Follows one side through the run: its state, what it sent and accepted, and its path. */
    private static final class Side<S extends Enum<S> & ModelState> {
        final Endpoint<S> endpoint;
        final String tag;
        S state;
        /** The handshake messages this side sent and accepted, in its order: what its Finished covers. */
        List<Input> transcript = List.of();
        final List<String> received = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        final List<Transition<?, ?>> path = new ArrayList<>();
        int sentCount;

        Side(Endpoint<S> endpoint, S initial, String tag) {
            this.endpoint = endpoint;
            this.state = initial;
            this.tag = tag;
        }

        /**
         * Fires (input, epoch) by the rules of {@link Composition} and returns the records
         * to send (none for a skipped early record), or throws with a description of the rejection.
         */
        List<Endpoint.Sent> fire(Input input, Epoch epoch, List<Input> coverage) {
            Endpoint.Reception<S> r = endpoint.receive(state, transcript, input, epoch, coverage);
            if (r.outcome() == Endpoint.Outcome.SKIPPED) {
                return List.of();
            }
            if (r.outcome() == Endpoint.Outcome.UNEXPECTED) {
                throw new IllegalStateException(tag + " rejects " + input + "@" + epoch.label() + " in " + state.name());
            }
            if (r.outcome() == Endpoint.Outcome.FINISHED_MISMATCH) {
                throw new IllegalStateException(tag + " fails to verify Finished in " + state.name()
                        + ": peer's transcript " + coverage + ", own " + transcript);
            }
            if (r.inputTranscribed()) {
                received.add(input.name());
            }
            for (Endpoint.Sent o : r.sent()) {
                if (o.transcribed()) {
                    sent.add(o.input().name());
                }
            }
            transcript = r.transcript();
            state = r.transition().to();
            path.add(r.transition());
            return r.sent();
        }
    }

    /** Plays one run: the fixed schedule over the network, with its one fault. */
    private static final class Play {
        final Side<ClientState> client;
        final Side<ServerState> server;
        final Negotiated facts;
        final ArrayDeque<Endpoint.Sent> toServer = new ArrayDeque<>();
        final ArrayDeque<Endpoint.Sent> toClient = new ArrayDeque<>();
        final List<String> trace = new ArrayList<>();
        final Fault fault;
        Endpoint.Sent swapped;
        boolean faultApplied;

        Play(Composition composition, Fault fault) {
            this.client = new Side<>(composition.client(), ClientState.START, "C");
            this.server = new Side<>(composition.server(), ServerState.START, "S");
            this.facts = composition.facts();
            this.fault = fault;
        }

        Run run() {
            try {
                send(client, client.fire(Input.CONNECT, Epoch.LOCAL, null), toServer);
                for (int step = 0; step < MAX_STEPS; step++) {
                    if (client.state.terminal() || server.state.terminal()) {
                        return end("ended in a terminal state");
                    }
                    Input decision = server.endpoint.decision(server.state, server.transcript);
                    if (decision != null) {
                        send(server, server.fire(decision, Epoch.LOCAL, null), toClient);
                    } else if (!toServer.isEmpty()) {
                        Endpoint.Sent p = toServer.poll();
                        send(server, server.fire(p.input(), p.epoch(), p.coverage()), toClient);
                    } else if (!toClient.isEmpty()) {
                        Endpoint.Sent p = toClient.poll();
                        send(client, client.fire(p.input(), p.epoch(), p.coverage()), toServer);
                    } else if (client.state.connected() && server.state.connected()) {
                        return new Run(trace, client.state.name(), server.state.name(), null, transcripts(), faultApplied,
                                List.copyOf(client.path), List.copyOf(server.path));
                    } else {
                        return end("stalled: nothing to deliver and no decision to take");
                    }
                }
                return end("no end after " + MAX_STEPS + " steps");
            } catch (IllegalStateException e) {
                return end(e.getMessage());
            }
        }

        private void send(Side<?> from, List<Endpoint.Sent> outputs, ArrayDeque<Endpoint.Sent> queue) {
            boolean faulty = fault != null && fault.fromClient() == (from == client);
            for (Endpoint.Sent o : outputs) {
                trace.add(from.tag + " " + o.output().message().label() + "@" + o.epoch().label());
                int index = from.sentCount++;
                if (swapped != null && faulty) {
                    queue.add(o);
                    queue.add(swapped);
                    swapped = null;
                    faultApplied = true;
                    continue;
                }
                if (faulty && index == fault.index()) {
                    switch (fault.kind()) {
                        case DROP -> faultApplied = true;
                        case DUPLICATE -> {
                            queue.add(o);
                            queue.add(o);
                            faultApplied = true;
                        }
                        case SWAP_WITH_NEXT -> swapped = o;
                    }
                    continue;
                }
                queue.add(o);
            }
            if (swapped != null && faulty) {
                // Nothing followed in this flight: the held message is delivered late, after the flight.
                queue.add(swapped);
                swapped = null;
            }
        }

        private Transcripts transcripts() {
            return new Transcripts(List.copyOf(client.sent), List.copyOf(server.received), List.copyOf(server.sent),
                    List.copyOf(client.received));
        }

        private Run end(String why) {
            return new Run(trace, client.state.name(), server.state.name(),
                    why + " (client " + client.state.name() + ", server " + server.state.name() + ")", transcripts(),
                    faultApplied, List.copyOf(client.path), List.copyOf(server.path));
        }
    }
}
