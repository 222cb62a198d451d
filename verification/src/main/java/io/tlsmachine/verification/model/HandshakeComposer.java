package io.tlsmachine.verification.model;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a client definition against a server definition under one facts combination, over a perfect network or one
 * that commits a single {@link Fault} (drop, duplicate or reorder one message). A handshake Finished is verified
 * abstractly: it carries the sender's transcript (handshake messages sent and accepted, in order) and the receiver
 * fails unless its own transcript is equal, as the Finished MAC over the transcript hash would. Each
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
        return new Composition<>(machines.client(), machines.server(), facts, null).run();
    }

    /** Runs one handshake over a network that commits {@code fault} once. */
    public static Run run(Machines machines, Negotiated facts, Fault fault) {
        return new Composition<>(machines.client(), machines.server(), facts, fault).run();
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

        final List<String> received = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        /** The handshake messages this side sent and accepted, in its order: what its Finished covers. */
        final List<String> transcript = new ArrayList<>();
        final List<Transition<?, ?>> path = new ArrayList<>();
        int sentCount;

        /**
         * Fires (input, epoch) and returns the packets to send, or throws with a description. A handshake Finished
         * carries the sender's transcript; the receiver's must be equal (the abstraction of the Finished MAC over the
         * transcript hash, RFC 8446 §4.4.4, RFC 5246 §7.4.9).
         */
        List<Packet> fire(Input input, Epoch epoch, Negotiated facts, List<String> coverage) {
            Transition<S, P> t = definition.compiled().find(state, input, epoch, facts);
            if (t == null) {
                throw new IllegalStateException(tag + " rejects " + input + "@" + epoch.label() + " in " + state.name());
            }
            boolean inHandshake = !state.connected();
            if (inHandshake && input == Input.FINISHED && coverage != null && !coverage.equals(transcript)) {
                throw new IllegalStateException(tag + " fails to verify Finished in " + state.name()
                        + ": peer's transcript " + coverage + ", own " + transcript);
            }
            if (inHandshake && Edges.HANDSHAKE_MESSAGES.contains(input)) {
                received.add(input.name());
                transcript.add(input.name());
            }
            state = t.to();
            path.add(t);
            List<Packet> packets = new ArrayList<>();
            for (Output o : t.outputsFor(facts)) {
                boolean covered = inHandshake && handshakeMessage(o);
                packets.add(new Packet(o, covered && o.message() == Message.FINISHED
                        ? List.copyOf(transcript) : null));
                if (covered) {
                    sent.add(o.message().receivedAs().name());
                    transcript.add(o.message().receivedAs().name());
                }
            }
            return packets;
        }
    }

    /** Carries one output over the network; a handshake Finished carries the transcript it covers. */
    private record Packet(Output output, List<String> coverage) {
    }

    /** Tells whether an output belongs to the handshake transcript (TLS 1.3 NewSessionTicket is post-handshake). */
    static boolean handshakeMessage(Output o) {
        return Edges.HANDSHAKE_MESSAGES.contains(o.message().receivedAs())
                && !(o.message() == Message.NEW_SESSION_TICKET
                        && o.epoch() == Epoch.APPLICATION);
    }

    private static final class Composition<C extends Enum<C> & ModelState, CP, S extends Enum<S> & ModelState, SP> {
        final Side<C, CP> client;
        final Side<S, SP> server;
        final Negotiated facts;
        final ArrayDeque<Packet> toServer = new ArrayDeque<>();
        final ArrayDeque<Packet> toClient = new ArrayDeque<>();
        final List<String> trace = new ArrayList<>();
        final Fault fault;
        Packet swapped;
        boolean faultApplied;
        boolean helloRetrySent;

        Composition(MachineDefinition<C, CP> client, MachineDefinition<S, SP> server, Negotiated facts, Fault fault) {
            this.client = new Side<>(client, "C");
            this.server = new Side<>(server, "S");
            this.facts = facts;
            this.fault = fault;
        }

        Run run() {
            try {
                send(client, client.fire(Input.CONNECT, Epoch.LOCAL, facts, null), toServer);
                for (int step = 0; step < MAX_STEPS; step++) {
                    if (client.state.terminal() || server.state.terminal()) {
                        return end("ended in a terminal state");
                    }
                    Input decision = decision(server);
                    if (decision != null) {
                        helloRetrySent |= decision == Input.SELECT_HELLO_RETRY;
                        send(server, server.fire(decision, Epoch.LOCAL, facts, null), toClient);
                    } else if (!toServer.isEmpty()) {
                        Packet p = toServer.poll();
                        Output o = p.output();
                        if (o.epoch() == Epoch.EARLY && !facts.earlyDataAccepted()) {
                            // RFC 8446 §4.2.10: a server that rejects 0-RTT skips the early records in its record layer.
                            continue;
                        }
                        send(server, server.fire(o.message().receivedAs(), o.epoch(), facts, p.coverage()), toClient);
                    } else if (!toClient.isEmpty()) {
                        Packet p = toClient.poll();
                        send(client, client.fire(p.output().message().receivedAs(), p.output().epoch(), facts, p.coverage()),
                                toServer);
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

        private Input decision(Side<S, SP> side) {
            if (side.state.terminal() || side.state.readEpoch() != Epoch.LOCAL) {
                return null;
            }
            var compiled = side.definition.compiled();
            boolean retry = facts.helloRetryRequested() && !helloRetrySent;
            for (Input candidate : List.of(Input.SELECT_HELLO_RETRY, Input.SELECT_PARAMETERS, Input.SEND_SERVER_FLIGHT)) {
                if (candidate == Input.SELECT_HELLO_RETRY && !retry) {
                    continue;
                }
                if (compiled.find(side.state, candidate, Epoch.LOCAL, facts) != null) {
                    return candidate;
                }
            }
            return null;
        }

        private void send(Side<?, ?> from, List<Packet> outputs, ArrayDeque<Packet> queue) {
            boolean faulty = fault != null && fault.fromClient() == (from == client);
            for (Packet o : outputs) {
                trace.add(from.tag + " " + o.output().message().label() + "@" + o.output().epoch().label());
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
