package io.tlsmachine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.ProtocolVersion;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A handshake storm against one {@link TlsNioServer}: parallel clients doing full and resumed handshakes of TLS 1.3
 * and 1.2, each with an echo, for {@code tlsm.storm.periods} periods of {@code tlsm.storm.periodSeconds} (3 minutes
 * by default, as CI runs it; {@code -Dtlsm.storm.periods=10} for the full 10 minutes). Handshakes/s are printed per
 * period; no handshake may fail, and the heap after GC, the threads and the open descriptors must stay flat.
 *
 * <p>"Flat heap" is measured per handshake, not as a percentage of the whole test JVM's heap: between the second and
 * the last period the heap after GC may grow by at most {@link #HEAP_SLACK} (connections in flight when GC runs, JIT
 * and class data) plus {@link #LEAK_BOUND_PER_HANDSHAKE} bytes per handshake served in between. A server that kept
 * anything of a finished connection (an engine is about 3 KB) exceeds that bound many times over within a period.
 */
@Tag("slow")
class TlsNioServerStormTest {
    private static final int PERIODS = Integer.getInteger("tlsm.storm.periods", 3);
    private static final long PERIOD_SECONDS = Long.getLong("tlsm.storm.periodSeconds", 60);
    private static final int CLIENTS = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long HEAP_SLACK = 8L << 20;
    private static final long LEAK_BOUND_PER_HANDSHAKE = 256;

    private final AtomicLong handshakes = new AtomicLong();
    private final AtomicLong resumed = new AtomicLong();
    private final Queue<Exception> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    @Test
    void servesFullAndResumedHandshakesOfBothVersionsWithFlatHeapThreadsAndDescriptors() throws Exception {
        assertThat(PERIODS).as("the heap is compared between the second and the last period").isGreaterThanOrEqualTo(3);
        TlsConfig config = TlsConfig.builder().certifiedKey(NioTestPeers.PKI.certifiedLeaf()).ticketsEnabled(true).build();
        try (TlsNioServer server = TlsNioServer.start(NioTestPeers.loopback(0), config, TlsNioServerTest.ECHO,
                new TlsServer.Observer() { }, NioLimits.defaults())) {
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Thread client = new Thread(() -> clientLoop(server.port()), "storm-client-" + i);
                client.start();
                clients.add(client);
            }
            List<Long> heap = new ArrayList<>();
            List<Long> served = new ArrayList<>();
            int threadsAfterFirst = 0;
            long descriptorsAfterFirst = 0;
            long previous = 0;
            for (int period = 1; period <= PERIODS && failures.isEmpty(); period++) {
                Thread.sleep(PERIOD_SECONDS * 1000);
                long count = handshakes.get();
                heap.add(usedHeapAfterGc());
                served.add(count);
                System.out.printf("storm period %d: %.1f handshakes/s (%d resumed in all), heap after GC %d KB,"
                        + " %d threads, %d descriptors%n", period, (count - previous) / (double) PERIOD_SECONDS,
                        resumed.get(), heap.get(heap.size() - 1) / 1024, threads(), descriptors());
                previous = count;
                if (period == 1) {
                    threadsAfterFirst = threads();
                    descriptorsAfterFirst = descriptors();
                }
            }
            running = false;
            for (Thread client : clients) {
                client.join(TIMEOUT.toMillis());
            }
            assertThat(failures).isEmpty();
            assertThat(resumed.get()).isPositive().isLessThan(handshakes.get());
            long growth = heap.get(heap.size() - 1) - heap.get(1);
            long handshakesBetween = served.get(served.size() - 1) - served.get(1);
            System.out.printf("storm heap growth from period 2 to %d: %d KB over %d handshakes%n", PERIODS,
                    growth / 1024, handshakesBetween);
            assertThat(growth).as("heap growth after GC between period 2 and the last")
                    .isLessThanOrEqualTo(HEAP_SLACK + LEAK_BOUND_PER_HANDSHAKE * handshakesBetween);
            assertThat(threads()).isLessThanOrEqualTo(threadsAfterFirst);
            assertThat(descriptors()).isLessThanOrEqualTo(descriptorsAfterFirst + 2 * CLIENTS);
        }
    }

    /** Cycles TLS 1.3 full, 1.3 resumed, 1.2 full, 1.2 resumed (from the ticket of the previous one), with an echo. */
    private void clientLoop(int port) {
        List<TlsConfig> configs = List.of(client(ProtocolVersion.TLS13, null),
                client(ProtocolVersion.TLS13, new TicketStore()), client(ProtocolVersion.TLS12, null),
                client(ProtocolVersion.TLS12, new TicketStore()));
        byte[] message = "storm".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; running; i++) {
            try (TlsConnection connection = TlsClient.connect(NioTestPeers.loopback(port), configs.get(i % 4),
                    transition -> { }, TIMEOUT)) {
                connection.write(message);
                byte[] echoed = connection.read();
                if (!new String(echoed, StandardCharsets.UTF_8).equals("storm")) {
                    throw new AssertionError("echo was " + echoed.length + " bytes");
                }
                handshakes.incrementAndGet();
                if (connection.engine().negotiated().orElseThrow().resumed()) {
                    resumed.incrementAndGet();
                }
            } catch (Exception | AssertionError e) {
                failures.add(new Exception("connection " + i + " failed", e));
                return;
            }
        }
    }

    private static TlsConfig client(ProtocolVersion version, TicketStore tickets) {
        TlsConfigBuilder builder = TlsConfig.builder().versions(version).serverName(NioTestPeers.HOST)
                .certificateVerifier(CertificateVerifier.pkix(NioTestPeers.PKI.anchors()));
        if (tickets != null) {
            builder.ticketStore(tickets);
        }
        return builder.build();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, runtime.totalMemory() - runtime.freeMemory());
        }
        return least;
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long descriptors() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount() : 0;
    }
}
