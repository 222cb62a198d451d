package io.tlsmachine.verification.model;

import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.analysis.Composition;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.client.ClientSteps;
import io.tlsmachine.model.server.ServerMachine;
import io.tlsmachine.model.server.ServerState;
import io.tlsmachine.model.server.ServerSteps;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Pairs a client and a server definition: what every check runs over (the real model, or a deliberately broken
 * variant built by {@link Mutant}).
 */
public record Machines(MachineDefinition<ClientState, ClientSteps> client, MachineDefinition<ServerState, ServerSteps> server) {

    /** Returns the real model's definitions. */
    public static Machines real() {
        return new Machines(ClientMachine.definition(), ServerMachine.definition());
    }

    /** Pairs the two compiled machines under {@code facts}: what every composition of client and server runs. */
    public Composition composition(Negotiated facts) {
        return Composition.of(client.compiled(), server.compiled(), facts);
    }

    /** Returns both definitions, client first. */
    public List<MachineDefinition<?, ?>> both() {
        return List.of(client, server);
    }

    /** Returns a copy whose client transitions are rewritten by {@code edit}. */
    public Machines withClient(UnaryOperator<List<Transition<ClientState, ClientSteps>>> edit) {
        return new Machines(rebuild(client, edit), server);
    }

    /** Returns a copy whose server transitions are rewritten by {@code edit}. */
    public Machines withServer(UnaryOperator<List<Transition<ServerState, ServerSteps>>> edit) {
        return new Machines(client, rebuild(server, edit));
    }

    private static <S extends Enum<S> & ModelState, P> MachineDefinition<S, P> rebuild(MachineDefinition<S, P> d,
            UnaryOperator<List<Transition<S, P>>> edit) {
        return new MachineDefinition<>(d.role(), d.stateType(), d.stepsType(), d.initial(), edit.apply(d.transitions()));
    }
}
