package io.tlsmachine.bench.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Checks the Netty echo harness on loopback: every stack completes checked handshakes (several connections at
 * once) and echoes bulk writes, and a stack whose group is not the one the proof expects is caught. Slow: real
 * sockets, event loops and BoringSSL's native library, about 20 seconds.
 */
@Tag("slow")
class NettyEchoTest {

    private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(20);

    private record Run(Stack stack, BenchGroup group) {
    }

    private static final List<Run> RUNS = List.of(new Run(Stack.TLSMACHINE_JSSE, BenchGroup.X25519MLKEM768),
            new Run(Stack.SUNJSSE, BenchGroup.X25519), new Run(Stack.BCJSSE, BenchGroup.X25519),
            new Run(Stack.BORINGSSL, BenchGroup.X25519), new Run(Stack.BORINGSSL, BenchGroup.X25519MLKEM768));

    /** Runs the workload until {@code enough} is counted or a failure or the timeout; returns the failure. */
    private static Throwable run(Run run, BenchGroup proved, boolean bulk, long enough) throws Exception {
        try (EchoLoopback loopback = new EchoLoopback(run.stack(), run.group(), proved)) {
            EchoClients clients = loopback.start(bulk, 4);
            long deadline = System.nanoTime() + TIMEOUT;
            while (clients.completed() < enough && loopback.failure() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(loopback.failure() != null || clients.completed() >= enough).as("%s counted %d in time", run,
                    clients.completed()).isTrue();
            if (bulk && loopback.failure() == null) {
                assertThat(clients.bulkSuite()).as("%s", run).startsWith("TLS_");
            }
            return loopback.failure();
        }
    }

    @Test
    void everyStackCompletesCheckedHandshakesFourConnectionsAtATime() throws Exception {
        for (Run run : RUNS) {
            assertThat(run(run, run.group(), false, 12)).as("%s", run).isNull();
        }
    }

    @Test
    void everyStackEchoesBulkWrites() throws Exception {
        for (Run run : RUNS.subList(0, 4)) {
            assertThat(run(run, run.group(), true, 4L * EchoClients.WINDOW)).as("%s", run).isNull();
        }
    }

    @Test
    void aHandshakeOfAnotherGroupThanTheProofExpectsIsCaught() throws Exception {
        assertThat(run(new Run(Stack.SUNJSSE, BenchGroup.X25519), BenchGroup.X25519MLKEM768, false, 12))
                .hasMessageContaining("ML-KEM");
        assertThat(run(new Run(Stack.TLSMACHINE_JSSE, BenchGroup.X25519MLKEM768), BenchGroup.X25519, false, 12))
                .hasMessageContaining("an ML-KEM share");
    }
}
