package io.tlsmachine.verification.checker;

import java.util.List;

/**
 * Holds one state of client × server × network: each side, the records in flight in each direction (in sending
 * order), and how much of the adversary's budget this run has used. Facts are not part of it: one exploration runs
 * under one facts combination (see {@link ComposedChecker}). A state in which either side is terminal keeps only the
 * two machine states (nothing can move any more), so all such states with the same pair are one.
 *
 * @param client the client side
 * @param server the server side
 * @param toServer records in flight from client to server
 * @param toClient records in flight from server to client
 * @param drops messages dropped so far
 * @param duplicates messages duplicated so far
 * @param injections messages injected so far
 */
public record ComposedState(Side client, Side server, List<Packet> toServer, List<Packet> toClient, int drops,
        int duplicates, int injections) {

    public ComposedState {
        toServer = List.copyOf(toServer);
        toClient = List.copyOf(toClient);
    }
}
