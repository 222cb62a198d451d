package io.tlsmachine.verification.model;

import io.tlsmachine.model.SquirrelEdge;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.server.ServerMachine;
import java.util.List;

/**
 * Reads the transitions Squirrel Foundation actually holds for each machine (read back from a live Squirrel
 * machine by {@code SquirrelDefinition.squirrelEdges}), as 5-column rows {@code from input epoch guard to}.
 */
final class SquirrelTransitions {

    private SquirrelTransitions() {
    }

    static List<String> client() {
        return ClientMachine.squirrel().squirrelEdges().stream().map(SquirrelEdge::row).toList();
    }

    static List<String> server() {
        return ServerMachine.squirrel().squirrelEdges().stream().map(SquirrelEdge::row).toList();
    }
}
