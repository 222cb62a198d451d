package io.tlsmachine.verification.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.StrictMachine;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientSteps;
import io.tlsmachine.model.server.ServerMachine;
import io.tlsmachine.model.server.ServerSteps;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Replays every composed handshake (every facts combination) on the live Squirrel machines with recording fake
 * Steps: Squirrel must take the same transitions as the compiled table and call exactly the declared step of each.
 */
class LiveSquirrelHandshakeTest {

    @Test
    void squirrelRunsEveryHandshakeThroughTheDeclaredStepsOfTheCompiledPath() {
        Machines real = Machines.real();
        int events = 0;
        for (Negotiated facts : Negotiated.all()) {
            HandshakeComposer.Run run = HandshakeComposer.run(real, facts);
            List<String> clientCalls = new ArrayList<>();
            List<String> serverCalls = new ArrayList<>();
            StrictMachine<?, ?> client = ClientMachine.newStrictMachine(recording(ClientSteps.class, clientCalls), facts);
            StrictMachine<?, ?> server = ServerMachine.newStrictMachine(recording(ServerSteps.class, serverCalls), facts);
            events += replay(client, run.clientPath(), clientCalls, "client " + facts);
            events += replay(server, run.serverPath(), serverCalls, "server " + facts);
            assertThat(client.state().name()).as("client final state for %s", facts).isEqualTo(run.clientState());
            assertThat(server.state().name()).as("server final state for %s", facts).isEqualTo(run.serverState());
        }
        System.out.printf("Live Squirrel replay: %d facts combinations, %d events%n", Negotiated.all().size(), events);
    }

    private static int replay(StrictMachine<?, ?> machine, List<Transition<?, ?>> path, List<String> calls, String what) {
        for (Transition<?, ?> expected : path) {
            int before = calls.size();
            Transition<?, ?> taken = machine.fire(expected.input(), expected.epoch());
            assertThat(taken).as("%s: Squirrel's transition for %s", what, expected.label()).isEqualTo(expected);
            assertThat(calls.subList(before, calls.size())).as("%s: steps called by %s", what, expected.label())
                    .containsExactly(methodOf(expected.step().name()));
        }
        return path.size();
    }

    /** Maps a step name ({@code PROCESS_SERVER_HELLO}) to its port method ({@code processServerHello}). */
    private static String methodOf(String stepName) {
        StringBuilder sb = new StringBuilder();
        for (String part : stepName.toLowerCase(Locale.ROOT).split("_")) {
            sb.append(sb.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return sb.toString();
    }

    private static <P> P recording(Class<P> port, List<String> calls) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            calls.add(method.getName());
            return args[0];
        }));
    }
}
