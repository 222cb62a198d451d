package io.tlsmachine.model.analysis;

import io.tlsmachine.model.CompiledMachine;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.UnexpectedMessage;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.client.ClientSteps;
import io.tlsmachine.model.server.ServerMachine;
import io.tlsmachine.model.server.ServerState;
import io.tlsmachine.model.server.ServerSteps;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Runs the client and server compiled machines against each other under one facts combination, with no
 * adversary: each side's outputs are delivered in order to the other as inputs.
 *
 * <p>Rules of the walk: the client fires CONNECT; the server takes its decisions as soon as it is in a state that
 * reads only local inputs (SELECT_HELLO_RETRY when {@code helloRetryRequested} and offered, else SELECT_PARAMETERS,
 * then SEND_SERVER_FLIGHT); each side's queue is delivered in full before the other's; messages to a terminal
 * state are dropped; 0-RTT records the server rejected are skipped by its record layer (RFC 8446 §4.2.10), i.e.
 * EARLY records reaching a server that is not reading EARLY when early data was offered but not accepted.
 */
public final class HandshakeWalker {

    private static final int MAX_DELIVERIES = 200;

    private final CompiledMachine<ClientState, ClientSteps> client = ClientMachine.compiled();
    private final CompiledMachine<ServerState, ServerSteps> server = ServerMachine.compiled();
    private final Negotiated facts;
    private final List<SentMessage> sent = new ArrayList<>();
    private final Deque<Output> toServer = new ArrayDeque<>();
    private final Deque<Output> toClient = new ArrayDeque<>();
    private ClientState clientState = ClientState.START;
    private ServerState serverState = ServerState.START;

    private HandshakeWalker(Negotiated facts) {
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
            fireClient(Input.CONNECT, Epoch.LOCAL);
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
            return new HandshakeWalk(facts, sent, clientState, serverState, Optional.empty());
        } catch (UnexpectedMessage e) {
            return new HandshakeWalk(facts, sent, clientState, serverState, Optional.of(e));
        }
    }

    private void deliverToServer(Output output) {
        if (serverState.terminal() || rejectedEarlyData(output, serverState.readEpoch())) {
            return;
        }
        fireServer(output.message().receivedAs(), output.epoch());
        takeServerDecisions();
    }

    private void deliverToClient(Output output) {
        if (clientState.terminal()) {
            return;
        }
        fireClient(output.message().receivedAs(), output.epoch());
    }

    private boolean rejectedEarlyData(Output output, Epoch readEpoch) {
        return output.epoch() == Epoch.EARLY && readEpoch != Epoch.EARLY
                && facts.earlyDataOffered() && !facts.earlyDataAccepted();
    }

    private void takeServerDecisions() {
        while (!serverState.terminal() && serverState.readEpoch() == Epoch.LOCAL) {
            if (facts.helloRetryRequested() && server.declares(serverState, Input.SELECT_HELLO_RETRY, Epoch.LOCAL)) {
                fireServer(Input.SELECT_HELLO_RETRY, Epoch.LOCAL);
            } else if (server.declares(serverState, Input.SELECT_PARAMETERS, Epoch.LOCAL)) {
                fireServer(Input.SELECT_PARAMETERS, Epoch.LOCAL);
            } else {
                fireServer(Input.SEND_SERVER_FLIGHT, Epoch.LOCAL);
            }
        }
    }

    private void fireClient(Input input, Epoch epoch) {
        Transition<ClientState, ClientSteps> edge = client.step(clientState, input, epoch, facts);
        clientState = edge.to();
        for (Output o : edge.outputsFor(facts)) {
            sent.add(new SentMessage(Role.CLIENT, o.message(), o.epoch()));
            toServer.add(o);
        }
    }

    private void fireServer(Input input, Epoch epoch) {
        Transition<ServerState, ServerSteps> edge = server.step(serverState, input, epoch, facts);
        serverState = edge.to();
        for (Output o : edge.outputsFor(facts)) {
            sent.add(new SentMessage(Role.SERVER, o.message(), o.epoch()));
            toClient.add(o);
        }
    }
}
