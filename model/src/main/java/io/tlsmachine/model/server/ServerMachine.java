package io.tlsmachine.model.server;

import io.tlsmachine.model.CompiledMachine;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.SquirrelDefinition;
import io.tlsmachine.model.StrictMachine;
import io.tlsmachine.model.TableMachine;

/**
 * Gives access to the server machine: its definition, the compiled table the engine runs, and strict
 * Squirrel-backed instances. The definition and its table are built once, at class load; the Squirrel declaration
 * is built and warmed once, on first use (the engine's table runner never needs it, so a short-lived process such as
 * {@code tlsmachine client} does not pay for Squirrel's start-up).
 */
public final class ServerMachine {

    private static final MachineDefinition<ServerState, ServerSteps> DEFINITION = new MachineDefinition<>(
            "server", ServerState.class, ServerSteps.class, ServerState.START, ServerTransitions.declare());

    /** Holds the Squirrel declaration; the JVM builds it, thread-safely, when this class is first used. */
    private static final class Squirrel {
        static final SquirrelDefinition<ServerState, ServerSteps> DEFINITION =
                new SquirrelDefinition<>(ServerMachine.DEFINITION);

        private Squirrel() {
        }
    }

    private ServerMachine() {
    }

    /** Returns the declared server machine (states, inputs, transitions). */
    public static MachineDefinition<ServerState, ServerSteps> definition() {
        return DEFINITION;
    }

    /** Returns the immutable compiled table the engine runs. */
    public static CompiledMachine<ServerState, ServerSteps> compiled() {
        return DEFINITION.compiled();
    }

    /** Returns the Squirrel declaration of the server machine. */
    public static SquirrelDefinition<ServerState, ServerSteps> squirrel() {
        return Squirrel.DEFINITION;
    }

    /** Creates a strict Squirrel-backed server machine in START. */
    public static StrictMachine<ServerState, ServerSteps> newStrictMachine(ServerSteps steps, Negotiated facts) {
        return Squirrel.DEFINITION.newMachine(steps, facts);
    }

    /** Creates a server machine on the compiled table in START: what the engine runs. */
    public static TableMachine<ServerState, ServerSteps> newTableMachine(ServerSteps steps, Negotiated facts) {
        return new TableMachine<>(DEFINITION, DEFINITION.initial(), steps, facts);
    }

    /** Creates a strict Squirrel-backed server machine in START whose caller runs the steps (the engine). */
    public static StrictMachine<ServerState, ServerSteps> newTakingStrictMachine(Negotiated facts) {
        return Squirrel.DEFINITION.newTakingMachine(facts);
    }

    /** Creates a server machine on the compiled table in START whose caller runs the steps: what the engine runs. */
    public static TableMachine<ServerState, ServerSteps> newTakingTableMachine(Negotiated facts) {
        return TableMachine.takingOnly(DEFINITION, DEFINITION.initial(), facts);
    }
}
