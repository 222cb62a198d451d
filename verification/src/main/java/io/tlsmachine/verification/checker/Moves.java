package io.tlsmachine.verification.checker;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.analysis.Composition;
import io.tlsmachine.model.analysis.Endpoint;
import io.tlsmachine.verification.model.Machines;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Generates the moves of client × server × network from one composed state under one facts combination: the
 * decisions and local commands of each side, the delivery of in-flight records, and the adversary's drops,
 * duplicates and injections within its budget.
 *
 * <p>Rules. Records are delivered, Finished verified against the transcript, rejected 0-RTT records skipped and
 * handshake decisions chosen by the rules of {@link Composition}, which the handshake walker and composer follow
 * too; a rejected record (unexpected_message, or a Finished that does not verify: decrypt_error) sends the receiver
 * to FAILED. Handshake decisions are taken before any other move (they commute with every
 * other move: partial-order reduction); post-handshake commands (application write, key
 * update, ticket, client auth request, close) are issued only by a connected side while nothing is in flight in
 * either direction (one post-handshake exchange at a time), which keeps the space finite; the handshake itself is
 * explored with every interleaving.
 */
public final class Moves {

    /** Bound on records in flight per direction; an honest flight that would exceed it is an error, never dropped. */
    public static final int CAPACITY = 12;

    private static final List<Input> COMMANDS = List.of(Input.APPLICATION_WRITE, Input.REQUEST_KEY_UPDATE,
            Input.SEND_NEW_SESSION_TICKET, Input.REQUEST_CLIENT_AUTH, Input.CLOSE);
    private static final List<Epoch> RECORD_EPOCHS = List.of(Epoch.PLAINTEXT, Epoch.EARLY, Epoch.HANDSHAKE,
            Epoch.APPLICATION);
    private static final List<Input> RECORD_INPUTS = java.util.Arrays.stream(Input.values())
            .filter(i -> !i.local()).toList();

    /**
     * Stands for any record in flight that its receiver rejects in its current state and in every state it can still
     * reach ({@link Party#rejectedForever}): delivering it fails the receiver (unexpected_message) whichever record it
     * was, so under a reordering network all such records are one (canonical folding; see {@link #canonical}).
     */
    static final Packet STALE = new Packet(null, Epoch.PLAINTEXT, "stale record (rejected wherever it arrives)", null);

    final Party client;
    final Party server;
    private final Negotiated facts;
    private final Adversary adversary;
    private final java.util.Map<Party, byte[]> staleMemo = new java.util.IdentityHashMap<>();

    Moves(Machines machines, Negotiated facts, Adversary adversary) {
        Composition composition = machines.composition(facts);
        this.client = new Party("C", machines.client(), composition.client());
        this.server = new Party("S", machines.server(), composition.server());
        this.facts = facts;
        this.adversary = adversary;
    }

    ComposedState initial() {
        return new ComposedState(Side.initial(client.initial), Side.initial(server.initial), List.of(), List.of(), 0, 0, 0);
    }

    boolean terminal(ComposedState s) {
        return client.state(s.client().state()).terminal() || server.state(s.server().state()).terminal();
    }

    boolean bothConnected(ComposedState s) {
        return client.state(s.client().state()).connected() && server.state(s.server().state()).connected();
    }

    /** Returns every move from {@code s}: the honest ones first, then the adversary's. */
    List<Move> from(ComposedState s) {
        List<Move> moves = new ArrayList<>();
        if (terminal(s)) {
            return moves;
        }
        for (boolean isClient : new boolean[] {true, false}) {
            Move decision = decision(s, isClient);
            if (decision != null) {
                // Partial-order reduction: a handshake decision reads nothing from the network and only appends to
                // the peer's queue, so it commutes with every other move; taking it first loses no behaviour.
                return List.of(decision);
            }
        }
        for (boolean isClient : new boolean[] {true, false}) {
            commands(s, isClient, moves);
            List<Packet> queue = isClient ? s.toClient() : s.toServer();
            int deliverable = adversary.reorders() ? queue.size() : Math.min(1, queue.size());
            for (int i = 0; i < deliverable; i++) {
                moves.add(deliver(s, isClient, queue.get(i), without(queue, i), false, true));
            }
        }
        adversarial(s, moves);
        return moves;
    }

    /** Returns the handshake decision a side in a local-decision state takes, or null. */
    private Move decision(ComposedState s, boolean isClient) {
        Party party = isClient ? client : server;
        Side side = isClient ? s.client() : s.server();
        Input decision = party.decision(side.state(), side.transcript());
        return decision == null ? null : deliver(s, isClient, new Packet(decision, Epoch.LOCAL, decision.name(), null),
                isClient ? s.toClient() : s.toServer(), false, true);
    }

    private void commands(ComposedState s, boolean isClient, List<Move> moves) {
        Party party = isClient ? client : server;
        Side side = isClient ? s.client() : s.server();
        ModelState state = party.state(side.state());
        if (state.connected() && s.toServer().isEmpty() && s.toClient().isEmpty()) {
            for (Input command : COMMANDS) {
                if (party.find(side.state(), command, Epoch.LOCAL, facts) != null) {
                    moves.add(deliver(s, isClient, new Packet(command, Epoch.LOCAL, command.name(), null),
                            isClient ? s.toClient() : s.toServer(), false, true));
                }
            }
        }
    }

    private void adversarial(ComposedState s, List<Move> moves) {
        for (boolean toClient : new boolean[] {true, false}) {
            List<Packet> queue = toClient ? s.toClient() : s.toServer();
            String arrow = toClient ? "S->C " : "C->S ";
            for (int i = 0; i < queue.size(); i++) {
                if (s.drops() < adversary.drops()) {
                    List<Packet> q = without(queue, i);
                    Packet dropped = queue.get(i);
                    moves.add(new Move(() -> "network drops " + arrow + dropped,
                            canonical(new ComposedState(s.client(), s.server(), toClient ? s.toServer() : q,
                                    toClient ? q : s.toClient(), s.drops() + 1, s.duplicates(), s.injections())), null, false));
                }
                // A replay: the network delivers a copy of an in-flight record and keeps the record in flight. Copying
                // it earlier and delivering the copy later is the same run with a longer wait (the copy and the record
                // are identical, and no property reads the network): partial-order reduction of the duplicate move.
                // A record left in flight after its copy was delivered is then a replay of a delivered record. A copy
                // of a stale record adds nothing: one stale record can already fail its receiver at any time. Over a
                // FIFO network a copy is delivered right after its record, so only the oldest record is replayed.
                if (s.duplicates() < adversary.duplicates() && queue.get(i) != STALE && (adversary.reorders() || i == 0)) {
                    Move replay = deliver(s, toClient, queue.get(i), queue, false, false);
                    ComposedState n = replay.next();
                    ComposedState counted = terminal(n) ? n : canonical(new ComposedState(n.client(), n.server(),
                            n.toServer(), n.toClient(), n.drops(), n.duplicates() + 1, n.injections()));
                    moves.add(new Move(() -> "network replays " + arrow + "a copy: " + replay.label(), counted,
                            replay.fired(), false));
                }
            }
        }
        if (s.injections() >= adversary.injections()) {
            return;
        }
        for (boolean isClient : new boolean[] {true, false}) {
            Party party = isClient ? client : server;
            Side side = isClient ? s.client() : s.server();
            if (party.state(side.state()).readEpoch() == Epoch.LOCAL) {
                continue;
            }
            List<Packet> queue = isClient ? s.toClient() : s.toServer();
            Move rejected = null;
            for (Input input : RECORD_INPUTS) {
                for (Epoch epoch : RECORD_EPOCHS) {
                    if (rejected != null && rejectedOutright(party, side, input, epoch)) {
                        continue;
                    }
                    Move move = deliver(s, isClient, new Packet(input, epoch, "injected " + input.name(), null), queue,
                            true, false);
                    if (move.fired().transition() == null) {
                        // Every rejected injection (and every skipped early record) ends alike: one stands for all.
                        rejected = rejected == null ? move : rejected;
                    } else if (sameButBudget(s, move.next())) {
                        // Accepted without any effect (a dropped CCS, an ignored warning): checked, then folded into s.
                        moves.add(new Move(move.describe(), s, move.fired(), false));
                    } else {
                        moves.add(move);
                    }
                }
            }
            if (rejected != null) {
                moves.add(rejected);
            }
        }
    }

    /**
     * Fires {@code packet} at one side; {@code rest} is the side's incoming queue after the packet left it. The
     * outputs go to the end of the other direction's queue.
     */
    private Move deliver(ComposedState s, boolean isClient, Packet packet, List<Packet> rest, boolean injected,
            boolean honest) {
        Party party = isClient ? client : server;
        Side side = isClient ? s.client() : s.server();
        Supplier<String> label = () -> (packet.epoch() == Epoch.LOCAL ? party.tag + " does " + packet.input().name()
                : party.tag + " <- " + packet) + (injected ? " (adversary)" : "");
        Endpoint.Reception<?> r = packet == STALE ? null
                : party.receive(side.state(), side.transcript(), packet.input(), packet.epoch(), packet.coverage());
        if (r != null && r.outcome() == Endpoint.Outcome.SKIPPED) {
            return move(s, isClient, side, rest, List.of(), () -> label.get() + ": skipped (0-RTT not accepted)", injected, honest,
                    new Move.Fired(false, side.state(), packet.input(), packet.epoch(), null, injected));
        }
        if (r == null || !r.accepted()) {
            String why = r == null || r.outcome() == Endpoint.Outcome.UNEXPECTED ? ": unexpected_message"
                    : ": Finished does not verify (decrypt_error)";
            return move(s, isClient, new Side(party.failed, side.transcript(), side.readProtected()), rest, List.of(),
                    () -> label.get() + why, injected, honest,
                    new Move.Fired(isClient, side.state(), packet.input(), packet.epoch(), null, injected));
        }
        List<Packet> sent = new ArrayList<>(r.sent().size());
        for (Endpoint.Sent o : r.sent()) {
            sent.add(new Packet(o.input(), o.epoch(), o.output().message().label(), o.coverage()));
        }
        boolean readProtected = side.readProtected()
                || (packet.epoch() != Epoch.LOCAL && packet.epoch() != Epoch.PLAINTEXT);
        Transition<?, ?> t = r.transition();
        return move(s, isClient, new Side(t.to().ordinal(), r.transcript(), readProtected), rest, sent,
                () -> label.get() + (sent.isEmpty() ? "" : " -> sends " + sent), injected, honest,
                new Move.Fired(isClient, side.state(), packet.input(), packet.epoch(), t, injected));
    }

    private Move move(ComposedState s, boolean isClient, Side side, List<Packet> incoming, List<Packet> sent,
            Supplier<String> label, boolean injected, boolean honest, Move.Fired fired) {
        List<Packet> outgoing = new ArrayList<>(isClient ? s.toServer() : s.toClient());
        outgoing.addAll(sent);
        if (outgoing.size() > CAPACITY) {
            throw new IllegalStateException("in-flight bound " + CAPACITY + " exceeded by an honest flight: " + label.get());
        }
        ComposedState next = isClient
                ? new ComposedState(side, s.server(), outgoing, incoming, s.drops(), s.duplicates(),
                        s.injections() + (injected ? 1 : 0))
                : new ComposedState(s.client(), side, incoming, outgoing, s.drops(), s.duplicates(),
                        s.injections() + (injected ? 1 : 0));
        return new Move(label, canonical(next), fired, honest);
    }

    /**
     * Folds every state in which a side is terminal into the pair of machine states (nothing moves any more); under a
     * reordering network, also replaces every record in flight that its receiver can only reject, now and in every
     * state it can still reach, by {@link #STALE}, placed last in its queue. Sound: a stale record's delivery fails
     * its receiver with no transition taken, which no property reads; where it sits in a queue that any delivery may
     * take from does not matter; and which record it was shows only in the trace.
     */
    ComposedState canonical(ComposedState s) {
        if (!terminal(s)) {
            if (!adversary.reorders()) {
                return s;
            }
            List<Packet> toServer = fold(s.toServer(), server, s.server().state());
            List<Packet> toClient = fold(s.toClient(), client, s.client().state());
            return toServer == s.toServer() && toClient == s.toClient() ? s
                    : new ComposedState(s.client(), s.server(), toServer, toClient, s.drops(), s.duplicates(), s.injections());
        }
        return new ComposedState(Side.initial(s.client().state()), Side.initial(s.server().state()), List.of(),
                List.of(), 0, 0, 0);
    }

    private List<Packet> fold(List<Packet> queue, Party receiver, int state) {
        int stale = 0;
        List<Packet> live = new ArrayList<>(queue.size());
        for (Packet p : queue) {
            if (p == STALE || stale(receiver, state, p)) {
                stale++;
            } else {
                live.add(p);
            }
        }
        if (stale == 0) {
            return queue;
        }
        for (int i = 0; i < stale; i++) {
            live.add(STALE);
        }
        return live.equals(queue) ? queue : live;
    }

    private boolean stale(Party receiver, int state, Packet p) {
        if (p.epoch() == Epoch.LOCAL || receiver.skips(p.epoch())) {
            return false;
        }
        byte[] memo = staleMemo.computeIfAbsent(receiver, r -> new byte[r.states.size() * Input.values().length
                * Epoch.values().length]);
        int key = (state * Input.values().length + p.input().ordinal()) * Epoch.values().length + p.epoch().ordinal();
        if (memo[key] == 0) {
            memo[key] = receiver.rejectedForever(state, p.input(), p.epoch(), facts) ? (byte) 1 : (byte) 2;
        }
        return memo[key] == 1;
    }

    /** Tells whether an injected record is rejected or skipped without looking further (fast path). */
    private boolean rejectedOutright(Party party, Side side, Input input, Epoch epoch) {
        if (party.skips(epoch)) {
            return true;
        }
        return party.find(side.state(), input, epoch, facts) == null
                || (input == Input.FINISHED && !party.state(side.state()).connected());
    }

    private static boolean sameButBudget(ComposedState s, ComposedState next) {
        return next.equals(new ComposedState(s.client(), s.server(), s.toServer(), s.toClient(), s.drops(),
                s.duplicates(), s.injections() + 1));
    }

    private static List<Packet> without(List<Packet> queue, int index) {
        List<Packet> q = new ArrayList<>(queue);
        q.remove(index);
        return q;
    }
}
