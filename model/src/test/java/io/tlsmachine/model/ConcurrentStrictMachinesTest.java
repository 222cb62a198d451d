package io.tlsmachine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.client.ClientSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs many strict (Squirrel) machines on several threads at once: the warmed definition is safe to share. */
class ConcurrentStrictMachinesTest {

    @Test
    void manyThreadsRunHandshakesOnTheSharedSquirrelDefinition() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ClientState>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                results.add(pool.submit(() -> {
                    StrictMachine<ClientState, ClientSteps> client = ClientMachine.newStrictMachine(
                            new RecordingSteps<>(ClientSteps.class).port, Negotiated.tls13());
                    client.fire(Input.CONNECT, Epoch.LOCAL);
                    client.fire(Input.SERVER_HELLO, Epoch.PLAINTEXT);
                    client.fire(Input.ENCRYPTED_EXTENSIONS, Epoch.HANDSHAKE);
                    client.fire(Input.CERTIFICATE, Epoch.HANDSHAKE);
                    client.fire(Input.CERTIFICATE_VERIFY, Epoch.HANDSHAKE);
                    client.fire(Input.FINISHED, Epoch.HANDSHAKE);
                    return client.state();
                }));
            }
            for (Future<ClientState> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(ClientState.CONNECTED);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
