package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.impl.handshake.ClientHandshake;
import io.tlsmachine.impl.handshake.HandshakeContext;
import io.tlsmachine.impl.handshake.ServerHandshake;
import io.tlsmachine.impl.record.RecordLayer;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.server.ServerMachine;

/**
 * Holds the parts of one engine behind its public face, wired together: the model's machine with the role's steps,
 * the flight writer, the driver that fires inputs, and the inbound path from records to inputs.
 */
public record EngineParts(RoleMachine<?, ?, ?> machine, FlightWriter out, ModelDriver driver, InboundRecords inbound) {

    /**
     * Wires the parts of an engine in {@code role} over {@code ctx} and {@code records}, on the compiled table or on
     * the strict Squirrel runner, and installs the listeners of TransitionListenerProvider services (e.g. the
     * testkit's model-path monitor; none in production).
     */
    public static EngineParts wire(TlsConfig config, Role role, boolean table, HandshakeContext ctx, RecordLayer records) {
        RoleMachine<?, ?, ?> machine;
        if (role == Role.CLIENT) {
            Negotiated facts = ClientHandshake.initialFacts(config);
            machine = new RoleMachine<>(ClientMachine.definition(), table ? ClientMachine.newTakingTableMachine(facts)
                    : ClientMachine.newTakingStrictMachine(facts), ClientHandlers.TABLE, new ClientHandshake(ctx));
        } else {
            Negotiated facts = ServerHandshake.initialFacts(config);
            machine = new RoleMachine<>(ServerMachine.definition(), table ? ServerMachine.newTakingTableMachine(facts)
                    : ServerMachine.newTakingStrictMachine(facts), ServerHandlers.TABLE, new ServerHandshake(ctx));
        }
        HandshakeTraffic traffic = new HandshakeTraffic(ctx, ProvidedListeners.messageListenersFor(machine.definition()));
        FlightWriter out = new FlightWriter(records.writer(), traffic);
        ModelDriver driver = new ModelDriver(ctx, machine, out, traffic);
        InboundRecords inbound = new InboundRecords(records, ctx, machine, driver, traffic);
        driver.addListeners(ProvidedListeners.listenersFor(machine.definition()));
        return new EngineParts(machine, out, driver, inbound);
    }
}
