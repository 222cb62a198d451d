package io.tlsmachine;

import static io.tlsmachine.NioTestPeers.handshake;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.NioTestPeers.Peer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Many idle TLS connections held by one {@link TlsNioServer}, and the heap each costs. 2,000 by default; 10,000
 * with {@code ulimit -n 65536} and {@code -Dtlsm.nio.idleConnections=10000} (see the README).
 */
@Tag("slow")
class TlsNioServerLoadTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int CONNECTIONS = Integer.getInteger("tlsm.nio.idleConnections", 2000);
    /** A bound that fails a real leak (a read buffer per connection would be 18 KB) yet allows the engine's state. */
    private static final long MAX_BYTES_PER_CONNECTION = 16 * 1024;

    @Test
    void holdsManyIdleConnectionsAndStillHandshakesANewPeerPromptly() throws Exception {
        heapPerPlainSocketPair(); // warms up the socket classes, so the measurement below counts sockets only
        long plainPair = heapPerPlainSocketPair();
        NioLimits limits = NioLimits.defaults().withMaxConnections(CONNECTIONS + 16)
                .withTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(30));
        try (TlsNioServer server = TlsNioServer.start(NioTestPeers.loopback(0), NioTestPeers.serverConfig(),
                TlsNioServerTest.ECHO, new TlsServer.Observer() { }, limits)) {
            List<Socket> idle = new ArrayList<>(CONNECTIONS);
            long before = usedHeapAfterGc();
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    idle.add(handshake(server.port(), TIMEOUT).socket()); // the client's engine is dropped
                }
                awaitOpen(server, CONNECTIONS);
                long perConnection = (usedHeapAfterGc() - before) / CONNECTIONS;
                System.out.printf("TlsNioServer: %d idle TLS 1.3 connections, heap per connection %d bytes "
                        + "(server connection and engine plus the test client's socket; a plain socket pair "
                        + "costs %d bytes)%n", CONNECTIONS, perConnection, plainPair);
                assertThat(perConnection).isLessThan(MAX_BYTES_PER_CONNECTION);

                long start = System.nanoTime();
                Peer peer = handshake(server.port(), TIMEOUT);
                Duration handshake = Duration.ofNanos(System.nanoTime() - start);
                try (Socket socket = peer.socket()) {
                    assertThat(new String(peer.echo("still here".getBytes(StandardCharsets.UTF_8)),
                            StandardCharsets.UTF_8)).isEqualTo("still here");
                }
                System.out.printf("TlsNioServer: a new handshake beside them took %d ms%n", handshake.toMillis());
                assertThat(handshake).isLessThan(Duration.ofSeconds(2));
            } finally {
                for (Socket socket : idle) {
                    socket.close();
                }
            }
            awaitOpen(server, 0);
        }
    }

    /** The heap a connected loopback socket pair costs (the client's Socket, the server's accepted channel). */
    private static long heapPerPlainSocketPair() throws IOException, InterruptedException {
        int pairs = Math.min(CONNECTIONS, 1000);
        List<AutoCloseable> open = new ArrayList<>(2 * pairs);
        try (ServerSocketChannel acceptor = ServerSocketChannel.open()) {
            acceptor.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), pairs);
            long before = usedHeapAfterGc();
            for (int i = 0; i < pairs; i++) {
                Socket client = NioTestPeers.connect(acceptor.socket().getLocalPort(), TIMEOUT);
                client.getInputStream();
                client.getOutputStream();
                SocketChannel accepted = acceptor.accept();
                accepted.configureBlocking(false);
                open.add(client);
                open.add(accepted);
            }
            return (usedHeapAfterGc() - before) / pairs;
        } finally {
            for (AutoCloseable closeable : open) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // Closing anyway.
                }
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void awaitOpen(TlsNioServer server, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (server.openConnections() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.openConnections()).isEqualTo(expected);
    }
}
