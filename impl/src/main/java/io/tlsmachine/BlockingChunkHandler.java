package io.tlsmachine;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a {@link TlsChunkHandler.Blocking} handler on a worker pool over the non-blocking server: received chunks
 * wait in a queue (the peer is not read while more than the buffer limit waits), writes wait while the output is
 * over the limit, and the session closes when the handler returns.
 */
final class BlockingChunkHandler implements TlsChunkHandler {
    private static final byte[] END = new byte[0];

    private final TlsChunkHandler.Blocking handler;
    private final Executor workers;
    private final Map<TlsSession, Worker> active = new ConcurrentHashMap<>();

    BlockingChunkHandler(TlsChunkHandler.Blocking handler, Executor workers) {
        this.handler = handler;
        this.workers = workers;
    }

    @Override
    public void connected(TlsSession session) {
        Worker worker = new Worker((NioConnection) session);
        active.put(session, worker);
        workers.execute(worker);
    }

    @Override
    public void received(TlsSession session, ByteBuffer chunk) {
        Worker worker = active.get(session);
        if (worker != null) {
            worker.offer(chunk);
        }
    }

    @Override
    public void closed(TlsSession session, Exception failure) {
        Worker worker = active.remove(session);
        if (worker != null) {
            worker.queue.add(END);
        }
    }

    /** One connection's blocking handler and its queue of received data. */
    private final class Worker implements Runnable, TlsChunkHandler.BlockingSession {
        private final NioConnection connection;
        private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
        private final Object lock = new Object();
        private int queuedBytes;
        private boolean paused;
        private boolean ended;

        Worker(NioConnection connection) {
            this.connection = connection;
        }

        /** On the loop: queues a copy of {@code chunk}; stops reading the peer while over the limit. */
        void offer(ByteBuffer chunk) {
            byte[] copy = new byte[chunk.remaining()];
            chunk.get(copy);
            synchronized (lock) {
                queuedBytes += copy.length;
                if (queuedBytes > connection.limits().maxBufferedBytes() && !paused) {
                    paused = true;
                    connection.pauseReading();
                }
            }
            queue.add(copy);
        }

        @Override
        public void run() {
            try {
                handler.serve(this);
            } catch (IOException | RuntimeException e) {
                // The handler's failure ends its connection; the server's observer sees the close.
            } finally {
                connection.close();
            }
        }

        @Override
        public TlsSession session() {
            return connection;
        }

        @Override
        public byte[] read() throws IOException {
            if (ended) {
                return END;
            }
            byte[] data;
            try {
                data = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
            if (data == END) {
                ended = true;
                return END;
            }
            synchronized (lock) {
                queuedBytes -= data.length;
                if (paused && queuedBytes <= connection.limits().maxBufferedBytes() / 2) {
                    paused = false;
                    connection.resumeReading();
                }
            }
            return data;
        }

        @Override
        public void write(byte[] data) throws IOException {
            if (connection.isClosed()) {
                throw new IOException("the connection is closed");
            }
            CompletableFuture<Void> written = new CompletableFuture<>(); // completed on the loop
            connection.write(data);
            connection.loopRun(() -> connection.whenWritable(() -> written.complete(null)));
            long timeout = connection.limits().idleTimeout().toMillis();
            try {
                written.get(timeout, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing");
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("the peer took nothing for " + timeout + " ms", e);
            }
        }
    }
}
