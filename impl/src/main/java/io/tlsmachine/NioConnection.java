package io.tlsmachine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection of a {@link TlsNioServer}: its channel, its engine and its deadline, run by one {@link NioEventLoop}.
 * What it holds beyond the engine: nothing while idle (the read buffer belongs to the loop); the records the engine
 * queued for a peer that does not read, up to {@link NioLimits#maxBufferedBytes()} before the peer is read no more.
 */
final class NioConnection implements TlsSession {
    private final NioEventLoop loop;
    private final SocketChannel channel;
    private final TlsEngine engine;
    private final TlsChunkHandler handler;
    private final NioLimits limits;
    private final SocketAddress remote;
    private SelectionKey key;
    private long deadlineNanos;
    private boolean connected;
    private boolean pausedByHandler;
    private boolean closing;
    private volatile boolean closed;
    private List<Runnable> writableWaiters;

    NioConnection(NioEventLoop loop, SocketChannel channel, TlsEngine engine, TlsChunkHandler handler,
            NioLimits limits) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.engine = engine;
        this.handler = handler;
        this.limits = limits;
        this.remote = channel.getRemoteAddress();
        this.deadlineNanos = System.nanoTime() + limits.handshakeTimeout().toNanos();
    }

    /** On the loop: registers for reading and sends what the engine has to say first (nothing, for a server). */
    void register(SelectionKey selectionKey) {
        this.key = selectionKey;
        engine.beginHandshake();
        flush();
    }

    NioLimits limits() {
        return limits;
    }

    /** Runs {@code task} on this connection's loop. */
    void loopRun(Runnable task) {
        loop.run(task);
    }

    /** On the loop: the channel is readable; {@code buffer} is the loop's, cleared. */
    void readable(ByteBuffer buffer) {
        int n;
        try {
            n = channel.read(buffer);
        } catch (IOException e) {
            end(e);
            return;
        }
        if (n < 0) {
            end(engine.isHandshakeComplete() || engine.isClosed() ? null
                    : new TlsConnectionException("the peer closed the connection during the handshake (state "
                            + engine.state().name() + ")", null));
            return;
        }
        touch();
        buffer.flip();
        engine.feed(buffer);
        deliver(buffer);
        flush();
    }

    /** Hands the handler what the engine decrypted (reusing {@code buffer}), then ends a connection the engine ended. */
    private void deliver(ByteBuffer buffer) {
        if (!connected && engine.isHandshakeComplete()) {
            connected = true;
            deadlineNanos = System.nanoTime() + limits.idleTimeout().toNanos();
            handler.connected(this);
        }
        while (connected && !closing && engine.applicationDataAvailable() > 0) {
            buffer.clear();
            engine.readApplicationData(buffer);
            buffer.flip();
            handler.received(this, buffer);
        }
        if (engine.isFailed() || engine.isClosed()) {
            closing = true;
        }
    }

    /** On the loop: the channel is writable again. */
    void writable() {
        flush();
    }

    /** On the loop: closes the connection whose deadline passed. */
    void checkDeadline(long now) {
        if (closed || now - deadlineNanos < 0) {
            return;
        }
        if (!connected) {
            end(new TlsConnectionException("handshake did not complete within " + limits.handshakeTimeout()
                    + " (state " + engine.state().name() + ")", null));
        } else if (!closing) {
            closing = true;
            deadlineNanos = now + limits.handshakeTimeout().toNanos(); // to flush close_notify, then the socket goes
            closeEngineQuietly();
            flush();
        } else {
            end(null);
        }
    }

    private void touch() {
        if (connected && !closing) {
            deadlineNanos = System.nanoTime() + limits.idleTimeout().toNanos();
        }
    }

    /** Sends what the engine queued; sets the interest: write while records wait, read unless held back. */
    private void flush() {
        if (closed) {
            return;
        }
        try {
            int before = engine.outboundPending();
            engine.drainOutboundTo(out -> {
                try {
                    channel.write(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (engine.outboundPending() < before) {
                touch();
            }
        } catch (UncheckedIOException e) {
            end(e.getCause());
            return;
        }
        int pending = engine.outboundPending();
        loop.server().recordOutboundBuffered(pending);
        if (pending == 0 && closing) {
            end(engine.failure().orElse(null));
            return;
        }
        if (pending <= limits.maxBufferedBytes()) {
            wakeWriters();
        }
        boolean read = !closing && !pausedByHandler && pending <= limits.maxBufferedBytes();
        key.interestOps((read ? SelectionKey.OP_READ : 0) | (pending > 0 ? SelectionKey.OP_WRITE : 0));
    }

    /** On the loop: runs {@code waiter} once fewer than the limit's bytes wait to be sent (or the connection ended). */
    void whenWritable(Runnable waiter) {
        if (closed || engine.outboundPending() <= limits.maxBufferedBytes()) {
            waiter.run();
            return;
        }
        if (writableWaiters == null) {
            writableWaiters = new ArrayList<>(1);
        }
        writableWaiters.add(waiter);
    }

    private void wakeWriters() {
        if (writableWaiters != null) {
            List<Runnable> waiters = writableWaiters;
            writableWaiters = null;
            waiters.forEach(Runnable::run);
        }
    }

    /** Closes the socket and tells the handler and the server, once. */
    void end(Exception failure) {
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already gone.
        }
        wakeWriters();
        Exception cause = failure == null && engine.isFailed() ? engine.failure().orElse(null) : failure;
        try {
            handler.closed(this, cause);
        } finally {
            loop.removed(this, cause);
        }
    }

    private void closeEngineQuietly() {
        try {
            engine.close();
        } catch (IllegalStateException notAllowedHere) {
            // The model has no CLOSE in this state: the socket close ends it.
        }
    }

    @Override
    public TlsEngine engine() {
        return engine;
    }

    @Override
    public SocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public void write(byte[] data) {
        byte[] copy = data.clone();
        loop.run(() -> writeOnLoop(ByteBuffer.wrap(copy)));
    }

    @Override
    public void write(ByteBuffer data) {
        if (loop.inLoop()) {
            writeOnLoop(data);
            return;
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
        loop.run(() -> writeOnLoop(copy));
    }

    private void writeOnLoop(ByteBuffer data) {
        if (closed || closing) {
            data.position(data.limit());
            return;
        }
        engine.writeApplicationData(data);
        flush();
    }

    @Override
    public void pauseReading() {
        loop.run(() -> {
            pausedByHandler = true;
            flush();
        });
    }

    @Override
    public void resumeReading() {
        loop.run(() -> {
            pausedByHandler = false;
            flush();
        });
    }

    @Override
    public void close() {
        loop.run(() -> {
            if (!closed && !closing) {
                closing = true;
                closeEngineQuietly();
                flush();
            }
        });
    }

    @Override
    public boolean isClosed() {
        return closed;
    }
}
