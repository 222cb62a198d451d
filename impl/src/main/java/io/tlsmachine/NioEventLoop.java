package io.tlsmachine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One event-loop thread of a {@link TlsNioServer}: a selector over its connections, a queue of tasks from other
 * threads, and a sweep of deadlines every {@link #TICK_MILLIS} ms. Handshake crypto runs here, on the loop.
 */
final class NioEventLoop implements Runnable {
    /** How often deadlines are checked: handshake and idle timeouts are this precise. */
    static final int TICK_MILLIS = 100;
    /** One maximal TLS 1.2 ciphertext record plus its header (RFC 5246 §6.2.3), shared by the loop's connections. */
    private static final int READ_BUFFER = 5 + (1 << 14) + 2048;

    private final TlsNioServer server;
    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Set<NioConnection> connections = new HashSet<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private volatile boolean running = true;

    NioEventLoop(TlsNioServer server, String name) throws IOException {
        this.server = server;
        this.selector = Selector.open();
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    TlsNioServer server() {
        return server;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop: now when called from it, else queued. */
    void run(Runnable task) {
        if (inLoop()) {
            task.run();
            return;
        }
        tasks.add(task);
        selector.wakeup();
    }

    /** Takes over an accepted channel. */
    void adopt(SocketChannel channel) {
        run(() -> {
            try {
                channel.configureBlocking(false);
                NioConnection connection = server.newConnection(this, channel);
                connections.add(connection);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ, connection);
                connection.register(key);
            } catch (IOException | RuntimeException e) {
                server.refused(channel);
            }
        });
    }

    void removed(NioConnection connection, Exception failure) {
        connections.remove(connection);
        server.finished(connection, failure);
    }

    @Override
    public void run() {
        long nextSweep = System.nanoTime();
        while (running) {
            try {
                selector.select(TICK_MILLIS);
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    nextSweep = now + TICK_MILLIS * 1_000_000L;
                    for (NioConnection connection : Set.copyOf(connections)) {
                        connection.checkDeadline(now);
                    }
                }
            } catch (IOException | ClosedSelectorException e) {
                break;
            }
        }
        for (NioConnection connection : Set.copyOf(connections)) {
            connection.end(null);
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    private void handle(SelectionKey key) {
        NioConnection connection = (NioConnection) key.attachment();
        try {
            if (key.isValid() && key.isWritable()) {
                connection.writable();
            }
            if (key.isValid() && key.isReadable()) {
                buffer.clear();
                connection.readable(buffer);
            }
        } catch (RuntimeException e) {
            // A handler's failure ends its connection alone.
            connection.end(e);
        }
    }

    /** Stops the loop (its connections are closed by the loop itself) and waits briefly for it. */
    void stop() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(5_000);
    }
}
