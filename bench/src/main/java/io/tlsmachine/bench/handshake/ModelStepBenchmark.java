package io.tlsmachine.bench.handshake;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineRunner;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.client.ClientSteps;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One model step of the client machine with steps that do nothing: the compiled table against the live Squirrel
 * machine, ns per event (run with {@code -prof gc} for bytes per event, gc.alloc.rate.norm divided by the events
 * per operation). {@code connectedEvent} fires two self-loops of CONNECTED (received application data, an
 * application write); {@code handshakePath} creates a machine in START and fires the six events of a full
 * TLS 1.3 handshake to CONNECTED, machine creation included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class ModelStepBenchmark {

    private static final Input[] HANDSHAKE = {Input.CONNECT, Input.SERVER_HELLO, Input.ENCRYPTED_EXTENSIONS,
        Input.CERTIFICATE, Input.CERTIFICATE_VERIFY, Input.FINISHED};
    private static final Epoch[] EPOCHS = {Epoch.LOCAL, Epoch.PLAINTEXT, Epoch.HANDSHAKE, Epoch.HANDSHAKE,
        Epoch.HANDSHAKE, Epoch.HANDSHAKE};

    @Param({"table", "squirrel"})
    public String runner;

    private final ClientSteps steps = new NoOpClientSteps();
    private final Negotiated facts = Negotiated.tls13();
    private MachineRunner<ClientState, ClientSteps> connected;

    @Setup(Level.Trial)
    public void setUp() {
        connected = newMachine();
        for (int i = 0; i < HANDSHAKE.length; i++) {
            connected.fire(HANDSHAKE[i], EPOCHS[i]);
        }
        expect(connected, ClientState.CONNECTED, "after the handshake path");
        connectedEvent();
        expect(connected, ClientState.CONNECTED, "after the connected events");
    }

    private MachineRunner<ClientState, ClientSteps> newMachine() {
        return runner.equals("table") ? ClientMachine.newTableMachine(steps, facts)
                : ClientMachine.newStrictMachine(steps, facts);
    }

    private static void expect(MachineRunner<ClientState, ClientSteps> machine, ClientState state, String when) {
        if (machine.state() != state) {
            throw new IllegalStateException(when + ": " + machine.state() + ", expected " + state);
        }
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public Transition<ClientState, ClientSteps> connectedEvent() {
        connected.fire(Input.APPLICATION_DATA, Epoch.APPLICATION);
        return connected.fire(Input.APPLICATION_WRITE, Epoch.LOCAL);
    }

    @Benchmark
    @OperationsPerInvocation(6)
    public ClientState handshakePath() {
        MachineRunner<ClientState, ClientSteps> machine = newMachine();
        for (int i = 0; i < HANDSHAKE.length; i++) {
            machine.fire(HANDSHAKE[i], EPOCHS[i]);
        }
        if (machine.state() != ClientState.CONNECTED) {
            throw new IllegalStateException("handshake path ended in " + machine.state());
        }
        return machine.state();
    }
}
