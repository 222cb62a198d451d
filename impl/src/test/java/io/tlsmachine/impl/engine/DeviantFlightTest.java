package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.HandshakeType;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.model.CompiledMachine;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.client.ClientSteps;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Feeds a TLS 1.2 client deviant versions of a real server flight (each message dropped, repeated, or swapped with
 * its neighbour) and checks the engine ends where the model predicts: waiting in the predicted state, or FAILED
 * with one unexpected_message alert at the first input the model does not declare.
 */
class DeviantFlightTest {

    private static final long CLIENT_SEED = 7;

    private static TlsConfig clientConfig() {
        return EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).random(EngineFixtures.seeded(CLIENT_SEED)).build();
    }

    private static Input inputOf(byte[] record) {
        assertThat(record[0]).isEqualTo((byte) ContentType.HANDSHAKE.code());
        return switch (new HandshakeType(record[5] & 0xFF).code()) {
            case 2 -> Input.SERVER_HELLO;
            case 11 -> Input.CERTIFICATE;
            case 12 -> Input.SERVER_KEY_EXCHANGE;
            case 14 -> Input.SERVER_HELLO_DONE;
            default -> throw new AssertionError("unexpected record in the server flight");
        };
    }

    @Test
    void everyDroppedRepeatedOrSwappedMessageEndsWhereTheModelPredicts() {
        TlsEngine reference = TlsEngine.client(clientConfig());
        TlsEngine server = TlsEngine.server(EngineFixtures.server(EC).build());
        reference.beginHandshake();
        server.feed(reference.drainOutbound());
        List<byte[]> flight = TestRecords.split(server.drainOutbound());
        assertThat(flight).hasSize(4);

        List<List<byte[]>> deviants = new ArrayList<>();
        for (int i = 0; i < flight.size(); i++) {
            List<byte[]> dropped = new ArrayList<>(flight);
            dropped.remove(i);
            deviants.add(dropped);
            List<byte[]> repeated = new ArrayList<>(flight);
            repeated.add(i, flight.get(i));
            deviants.add(repeated);
            if (i + 1 < flight.size()) {
                List<byte[]> swapped = new ArrayList<>(flight);
                swapped.set(i, flight.get(i + 1));
                swapped.set(i + 1, flight.get(i));
                deviants.add(swapped);
            }
        }
        CompiledMachine<ClientState, ClientSteps> model = ClientMachine.compiled();
        for (List<byte[]> deviant : deviants) {
            TlsEngine client = TlsEngine.client(clientConfig());
            client.beginHandshake();
            client.drainOutbound();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            deviant.forEach(bytes::writeBytes);
            client.feed(bytes.toByteArray());

            ModelState predicted = ClientState.WAIT_SH;
            List<Input> inputs = deviant.stream().map(DeviantFlightTest::inputOf).toList();
            for (Input input : inputs) {
                Transition<ClientState, ClientSteps> edge = model.find((ClientState) predicted, input, Epoch.PLAINTEXT,
                        client.facts());
                if (edge == null) {
                    predicted = ClientState.FAILED;
                    break;
                }
                predicted = edge.to();
            }
            assertThat(client.state()).as("inputs %s", inputs).isEqualTo(predicted);
            byte[] out = client.drainOutbound();
            if (predicted == ClientState.FAILED) {
                assertThat(client.failure().orElseThrow().reason().alertToSend()).as("inputs %s", inputs)
                        .contains(AlertDescription.UNEXPECTED_MESSAGE);
                List<byte[]> sent = TestRecords.split(out);
                assertThat(sent).as("records sent for %s", inputs).isNotEmpty();
                assertThat(sent.get(sent.size() - 1)[0]).as("the last record is the alert").isEqualTo((byte) 21);
                assertThat(sent.stream().filter(r -> r[0] == 21)).as("exactly one alert for %s", inputs).hasSize(1);
            } else {
                assertThat(predicted == ClientState.TLS12_WAIT_CCS ? out.length > 0 : out.length == 0)
                        .as("only a complete flight is answered: %s", inputs).isTrue();
            }
        }
        assertThat(deviants).hasSize(11);
    }
}
