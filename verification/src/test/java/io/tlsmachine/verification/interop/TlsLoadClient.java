package io.tlsmachine.verification.interop;

import io.tlsmachine.TlsEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * A load client: many TLS connections to one server driven by the calling thread, each a client {@link TlsEngine}
 * over a non-blocking {@link SocketChannel} on one {@link Selector} (no thread per connection). It opens them with a
 * bounded number of handshakes in flight ({@link #connect}), holds them idle ({@link #hold}), and at the end sends one
 * request on each and reads its reply up to the server's close_notify ({@link #exchange}). Any connection that fails,
 * or that the server ends before its reply, fails the phase with what happened to it.
 */
final class TlsLoadClient implements AutoCloseable {
    /** Where a connection is. */
    private enum Phase { HANDSHAKING, IDLE, EXCHANGING, DONE }

    private final InetSocketAddress server;
    private final Supplier<TlsEngine> newEngine;
    private final int maxInFlight;
    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(1 << 16);
    private final List<Connection> connections = new ArrayList<>();
    private int inFlight;
    private long lastRead = System.nanoTime();

    /** A client of {@code server} whose engines {@code newEngine} makes; at most {@code maxInFlight} busy at once. */
    TlsLoadClient(InetSocketAddress server, Supplier<TlsEngine> newEngine, int maxInFlight) throws IOException {
        this.server = server;
        this.newEngine = newEngine;
        this.maxInFlight = maxInFlight;
        this.selector = Selector.open();
    }

    /** Opens {@code count} more connections and completes their handshakes within {@code timeout}; returns the time. */
    Duration connect(int count, Duration timeout) throws IOException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int target = connections.size() + count;
        while (inFlight > 0 || connections.size() < target) {
            while (connections.size() < target && inFlight < maxInFlight) {
                open();
            }
            poll(deadline, () -> "handshakes: " + count(Phase.IDLE) + " of " + target + " complete");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Keeps the idle connections for {@code duration}, reading whatever the server sends (its NewSessionTickets), and
     * then until nothing came for {@code quiet}; fails if the server ends one of them.
     */
    void hold(Duration duration, Duration quiet) throws IOException {
        long end = System.nanoTime() + duration.toNanos();
        long deadline = end + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < end || System.nanoTime() - lastRead < quiet.toNanos()) {
            poll(deadline, () -> "the server kept sending for over a minute");
        }
    }

    /**
     * Sends {@code request} on every idle connection, at most {@code maxInFlight} at a time, and reads each reply up
     * to the server's close_notify within {@code timeout}; returns the replies in the order the connections opened.
     */
    List<byte[]> exchange(byte[] request, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Connection> idle = connections.stream().filter(c -> c.phase == Phase.IDLE).toList();
        Iterator<Connection> next = idle.iterator();
        while (next.hasNext() || inFlight > 0) {
            while (next.hasNext() && inFlight < maxInFlight) {
                next.next().send(request);
            }
            poll(deadline, () -> "replies: " + count(Phase.DONE) + " of " + idle.size());
        }
        return idle.stream().map(c -> c.reply.toByteArray()).toList();
    }

    /** The number of connections opened so far. */
    int opened() {
        return connections.size();
    }

    private void open() throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        Connection connection = new Connection(connections.size() + 1, channel, newEngine.get());
        connections.add(connection);
        inFlight++;
        boolean connected = channel.connect(server);
        connection.key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT,
                connection);
        if (connected) {
            connection.begin();
        }
    }

    /** Serves the ready channels once (up to 100 ms); fails with {@code progress} after {@code deadline}. */
    private void poll(long deadline, Supplier<String> progress) throws IOException {
        if (System.nanoTime() > deadline) {
            throw new AssertionError("timed out; " + progress.get());
        }
        selector.select(key -> ((Connection) key.attachment()).ready(), 100);
    }

    private int count(Phase phase) {
        return (int) connections.stream().filter(c -> c.phase == phase).count();
    }

    /** Closes every channel. */
    @Override
    public void close() throws IOException {
        for (Connection connection : connections) {
            connection.channel.close();
        }
        selector.close();
    }

    /** One connection: its channel, its engine, and the reply it received once it sent its request. */
    private final class Connection {
        private final int number;
        private final SocketChannel channel;
        private final TlsEngine engine;
        private SelectionKey key;
        private Phase phase = Phase.HANDSHAKING;
        private ByteArrayOutputStream reply;
        private boolean endOfStream;

        Connection(int number, SocketChannel channel, TlsEngine engine) {
            this.number = number;
            this.channel = channel;
            this.engine = engine;
        }

        void begin() {
            key.interestOps(SelectionKey.OP_READ);
            engine.beginHandshake();
            flush();
        }

        void send(byte[] request) {
            phase = Phase.EXCHANGING;
            reply = new ByteArrayOutputStream();
            inFlight++;
            engine.writeApplicationData(request);
            flush();
        }

        void ready() {
            try {
                if (key.isConnectable() && channel.finishConnect()) {
                    begin();
                }
                if (key.isReadable()) {
                    read();
                }
            } catch (IOException | UncheckedIOException e) {
                throw failure("its channel failed: " + e);
            }
            if (endOfStream || engine.isClosed() || engine.isFailed()) {
                end();
                return;
            }
            flush();
            if (phase == Phase.HANDSHAKING && engine.isHandshakeComplete()) {
                phase = Phase.IDLE;
                inFlight--;
            }
        }

        private void read() throws IOException {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0) {
                endOfStream = true;
                return;
            }
            lastRead = System.nanoTime();
            readBuffer.flip();
            engine.feed(readBuffer);
            if (engine.applicationDataAvailable() > 0) {
                byte[] data = engine.readApplicationData();
                if (reply == null) {
                    throw failure("the server sent " + data.length + " bytes of application data before any request");
                }
                reply.writeBytes(data);
            }
        }

        /** The connection ended: a reply that ended with close_notify is done; anything else fails. */
        private void end() {
            if (phase == Phase.EXCHANGING && engine.isClosed()) {
                phase = Phase.DONE;
                inFlight--;
                key.cancel();
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Done with it anyway.
                }
                return;
            }
            String why = engine.isFailed() ? "the engine failed: " + engine.failure().map(Throwable::getMessage)
                    .orElse("?") + engine.receivedAlert().map(a -> " (received " + a + ")").orElse("")
                    : engine.isClosed() ? "the server sent close_notify" : "the server closed the socket";
            throw failure(why + " in state " + engine.state().name());
        }

        private void flush() {
            engine.drainOutboundTo(buffer -> {
                try {
                    channel.write(buffer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            key.interestOps(SelectionKey.OP_READ | (engine.outboundPending() > 0 ? SelectionKey.OP_WRITE : 0));
        }

        private AssertionError failure(String what) {
            return new AssertionError("connection #" + number + " of " + connections.size() + " (" + phase + "): "
                    + what + "; " + count(Phase.IDLE) + " idle, " + count(Phase.DONE) + " done");
        }
    }
}
