package io.tlsmachine.model.client;

import io.tlsmachine.model.CompiledMachine;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.SquirrelDefinition;
import io.tlsmachine.model.StrictMachine;
import io.tlsmachine.model.TableMachine;

/**
 * Gives access to the client machine: its definition, the compiled table the engine runs, and strict
 * Squirrel-backed instances. The definition and its table are built once, at class load; the Squirrel declaration
 * is built and warmed once, on first use (the engine's table runner never needs it, so a short-lived process such as
 * {@code tlsmachine client} does not pay for Squirrel's start-up).
 */
public final class ClientMachine {

    private static final MachineDefinition<ClientState, ClientSteps> DEFINITION = new MachineDefinition<>(
            "client", ClientState.class, ClientSteps.class, ClientState.START, ClientTransitions.declare());

    /** Holds the Squirrel declaration; the JVM builds it, thread-safely, when this class is first used. */
    private static final class Squirrel {
        static final SquirrelDefinition<ClientState, ClientSteps> DEFINITION =
                new SquirrelDefinition<>(ClientMachine.DEFINITION);

        private Squirrel() {
        }
    }

    private ClientMachine() {
    }

    /** Returns the declared client machine (states, inputs, transitions). */
    public static MachineDefinition<ClientState, ClientSteps> definition() {
        return DEFINITION;
    }

    /** Returns the immutable compiled table the engine runs. */
    public static CompiledMachine<ClientState, ClientSteps> compiled() {
        return DEFINITION.compiled();
    }

    /** Returns the Squirrel declaration of the client machine. */
    public static SquirrelDefinition<ClientState, ClientSteps> squirrel() {
        return Squirrel.DEFINITION;
    }

    /** Creates a strict Squirrel-backed client machine in START. */
    public static StrictMachine<ClientState, ClientSteps> newStrictMachine(ClientSteps steps, Negotiated facts) {
        return Squirrel.DEFINITION.newMachine(steps, facts);
    }

    /** Creates a client machine on the compiled table in START: what the engine runs. */
    public static TableMachine<ClientState, ClientSteps> newTableMachine(ClientSteps steps, Negotiated facts) {
        return new TableMachine<>(DEFINITION, DEFINITION.initial(), steps, facts);
    }

    /** Creates a strict Squirrel-backed client machine in START whose caller runs the steps (the engine). */
    public static StrictMachine<ClientState, ClientSteps> newTakingStrictMachine(Negotiated facts) {
        return Squirrel.DEFINITION.newTakingMachine(facts);
    }

    /** Creates a client machine on the compiled table in START whose caller runs the steps: what the engine runs. */
    public static TableMachine<ClientState, ClientSteps> newTakingTableMachine(Negotiated facts) {
        return TableMachine.takingOnly(DEFINITION, DEFINITION.initial(), facts);
    }
}
