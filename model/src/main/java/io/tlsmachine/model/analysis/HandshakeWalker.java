package io.tlsmachine.model.analysis;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.UnexpectedMessage;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Runs the client and server compiled machines against each other under one facts combination, with no
 * adversary: each side's outputs are delivered in order to the other as inputs, by the rules of {@link Composition}
 * (delivery under the output's epoch, rejected 0-RTT records skipped, Finished checked against the transcript, the
 * server's local decisions).
 *
 * <p>Scheduling of the walk: the client fires CONNECT; the server takes its decisions as soon as it is in a state
 * that reads only local inputs; each side's queue is delivered in full before the other's; messages to a terminal
 * state are dropped.
 */
public final class HandshakeWalker {

    private static final int MAX_DELIVERIES = 200;

    private final Composition composition;
    private final Negotiated facts;
    private final List<SentMessage> sent = new ArrayList<>();
    private final Deque<Endpoint.Sent> toServer = new ArrayDeque<>();
    private final Deque<Endpoint.Sent> toClient = new ArrayDeque<>();
    private ClientState clientState = ClientState.START;
    private ServerState serverState = ServerState.START;
    private List<Input> clientTranscript = List.of();
    private List<Input> serverTranscript = List.of();
    private final List<ClientState> clientPath = new ArrayList<>(List.of(ClientState.START));
    private final List<ServerState> serverPath = new ArrayList<>(List.of(ServerState.START));

    private HandshakeWalker(Negotiated facts) {
        this.composition = Composition.of(facts);
        this.facts = facts;
    }

    /** Walks one facts combination from START/START until no message is in flight. */
    public static HandshakeWalk walk(Negotiated facts) {
        return new HandshakeWalker(facts).run();
    }

    /** Walks every combination of {@link Negotiated#all()}. */
    public static List<HandshakeWalk> walkAll() {
        return Negotiated.all().stream().map(HandshakeWalker::walk).toList();
    }

    private HandshakeWalk run() {
        try {
            fireClient(Input.CONNECT, Epoch.LOCAL, null);
            int deliveries = 0;
            while (!toServer.isEmpty() || !toClient.isEmpty()) {
                while (!toServer.isEmpty()) {
                    deliverToServer(toServer.poll());
                    deliveries++;
                }
                while (!toClient.isEmpty()) {
                    deliverToClient(toClient.poll());
                    deliveries++;
                }
                if (deliveries > MAX_DELIVERIES) {
                    throw new IllegalStateException("walk does not terminate under " + facts);
                }
            }
            return new HandshakeWalk(facts, sent, clientState, serverState, Optional.empty(), clientPath, serverPath);
        } catch (UnexpectedMessage e) {
            return new HandshakeWalk(facts, sent, clientState, serverState, Optional.of(e), clientPath, serverPath);
        }
    }

    private void deliverToServer(Endpoint.Sent record) {
        if (serverState.terminal()) {
            return;
        }
        fireServer(record.input(), record.epoch(), record.coverage());
        while (!serverState.terminal() && serverState.readEpoch() == Epoch.LOCAL) {
            Input decision = composition.server().decision(serverState, serverTranscript);
            // With no decision enabled, SEND_SERVER_FLIGHT stops the walk with the model's unexpected_message.
            fireServer(decision == null ? Input.SEND_SERVER_FLIGHT : decision, Epoch.LOCAL, null);
        }
    }

    private void deliverToClient(Endpoint.Sent record) {
        if (clientState.terminal()) {
            return;
        }
        fireClient(record.input(), record.epoch(), record.coverage());
    }

    private void fireClient(Input input, Epoch epoch, List<Input> coverage) {
        Endpoint.Reception<ClientState> r = accepted(composition.client(), clientState, clientTranscript, input, epoch,
                coverage);
        clientState = r.transition().to();
        clientPath.add(clientState);
        clientTranscript = r.transcript();
        record(Role.CLIENT, r, toServer);
    }

    private void fireServer(Input input, Epoch epoch, List<Input> coverage) {
        Endpoint.Reception<ServerState> r = accepted(composition.server(), serverState, serverTranscript, input, epoch,
                coverage);
        if (r.outcome() == Endpoint.Outcome.SKIPPED) {
            return;
        }
        serverState = r.transition().to();
        serverPath.add(serverState);
        serverTranscript = r.transcript();
        record(Role.SERVER, r, toClient);
    }

    /** Fires one input; a rejection stops the walk with the model's unexpected_message. */
    private static <S extends Enum<S> & ModelState> Endpoint.Reception<S> accepted(Endpoint<S> side, S state,
            List<Input> transcript, Input input, Epoch epoch, List<Input> coverage) {
        Endpoint.Reception<S> r = side.receive(state, transcript, input, epoch, coverage);
        if (r.outcome() == Endpoint.Outcome.UNEXPECTED) {
            side.machine().step(state, input, epoch, side.facts());
        }
        if (r.outcome() == Endpoint.Outcome.FINISHED_MISMATCH) {
            throw new IllegalStateException(side.role() + " cannot verify Finished in " + state + " under " + side.facts());
        }
        return r;
    }

    private void record(Role sender, Endpoint.Reception<?> r, Deque<Endpoint.Sent> queue) {
        for (Endpoint.Sent o : r.sent()) {
            sent.add(new SentMessage(sender, o.output().message(), o.epoch()));
            queue.add(o);
        }
    }
}
