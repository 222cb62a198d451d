package io.tlsmachine.verification.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.MachineKind;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.EnginePump;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every handshake type of both versions, then application data, post-handshake messages and close, once on the
 * compiled table and once on the live Squirrel machine: both roles' traces and every byte on the wire must be equal.
 */
class RunnerAgreementTest {

    private record Run(List<String> clientTrace, List<String> serverTrace, List<byte[]> wire, boolean connected) {
    }

    static Stream<HandshakeScenario> scenarios() {
        return HandshakeScenario.all().stream();
    }

    private static Run run(HandshakeScenario scenario, MachineKind kind) {
        HandshakeScenario.Configs configs = scenario.prepared(kind);
        List<String> clientTrace = new ArrayList<>();
        List<String> serverTrace = new ArrayList<>();
        List<byte[]> wire = new ArrayList<>();
        TlsEngine client = configs.engine(Role.CLIENT, kind).addTransitionListener(t -> clientTrace.add(t.toString()));
        TlsEngine server = configs.engine(Role.SERVER, kind).addTransitionListener(t -> serverTrace.add(t.toString()));
        client.beginHandshake();
        exchange(client, server, wire);
        boolean connected = client.isHandshakeComplete() && server.isHandshakeComplete();
        if (connected) {
            client.writeApplicationData(new byte[] {1, 2, 3});
            server.writeApplicationData(new byte[] {4});
            exchange(client, server, wire);
            if (scenario.version() == ProtocolVersion.TLS13) {
                client.requestKeyUpdate();
                exchange(client, server, wire);
                if (configs.server().ticketsEnabled() && declaresHere(server, Input.SEND_NEW_SESSION_TICKET)) {
                    server.sendNewSessionTicket();
                    exchange(client, server, wire);
                }
            }
            client.close();
            exchange(client, server, wire);
        }
        return new Run(clientTrace, serverTrace, wire, connected);
    }

    private static boolean declaresHere(TlsEngine engine, Input input) {
        return engine.definition().transitions().stream()
                .anyMatch(t -> t.from().name().equals(engine.state().name()) && t.input() == input);
    }

    private static void exchange(TlsEngine client, TlsEngine server, List<byte[]> wire) {
        for (int round = 0; round < EnginePump.MAX_ROUNDS; round++) {
            byte[] toServer = client.drainOutbound();
            byte[] toClient = server.drainOutbound();
            if (toServer.length == 0 && toClient.length == 0) {
                return;
            }
            wire.add(toServer);
            wire.add(toClient);
            server.feed(toServer);
            client.feed(toClient);
        }
        throw new AssertionError("the engines kept talking");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void compiledTableAndLiveSquirrelMachineTakeTheSamePathAndSendTheSameBytes(HandshakeScenario scenario) {
        Run table = run(scenario, MachineKind.COMPILED_TABLE);
        Run squirrel = run(scenario, MachineKind.SQUIRREL);
        assertThat(table.connected()).as("%s connects on the compiled table", scenario).isTrue();
        assertThat(squirrel.clientTrace()).as("client trace").isEqualTo(table.clientTrace()).isNotEmpty();
        assertThat(squirrel.serverTrace()).as("server trace").isEqualTo(table.serverTrace()).isNotEmpty();
        assertThat(squirrel.wire()).as("flights").hasSameSizeAs(table.wire());
        for (int i = 0; i < table.wire().size(); i++) {
            assertThat(squirrel.wire().get(i)).as("%s flight %d", scenario, i).isEqualTo(table.wire().get(i));
        }
    }
}
