package io.tlsmachine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;

/**
 * Serves the connections of a {@link TlsNioServer} without blocking: called on the connection's event loop, once
 * when the handshake completed, once per chunk of application data received, and once when the connection ended.
 * A callback must not block; {@link #blocking} runs a blocking handler on a worker pool instead.
 */
public interface TlsChunkHandler {

    /**
     * The handshake completed (0-RTT data, if any, is in {@code session.engine().readEarlyData()}).
     * @param session the connection
     */
    default void connected(TlsSession session) {
    }

    /**
     * Application data arrived; {@code chunk} is valid only during the call (copy what you keep).
     * @param session the connection
     * @param chunk the bytes received
     */
    void received(TlsSession session, ByteBuffer chunk);

    /**
     * The connection ended; {@code failure} is null when it ended normally.
     * @param session the connection
     * @param failure why it ended, or null
     */
    default void closed(TlsSession session, Exception failure) {
    }

    /** A handler that blocks: reads with {@link BlockingSession#read()}, on a thread of its own. */
    @FunctionalInterface
    interface Blocking {
        /**
         * Serves one connection; the session is closed when this returns.
         * @param session the blocking view of the connection
         * @throws IOException when the connection fails (it ends that connection only)
         */
        void serve(BlockingSession session) throws IOException;
    }

    /** The blocking view of a session, for {@link Blocking} handlers. */
    interface BlockingSession {
        /** {@return the session (engine, address); its engine belongs to the event loop} */
        TlsSession session();

        /**
         * {@return the next application data, waiting for it; empty once the peer closed or the connection ended}
         * @throws IOException when the connection failed
         */
        byte[] read() throws IOException;

        /**
         * Sends {@code data}, waiting while more than the buffer limit waits to be sent.
         * @param data the bytes to send
         * @throws IOException when the connection failed
         */
        void write(byte[] data) throws IOException;
    }

    /**
     * Adapts a blocking handler: each connection's {@code handler} runs on {@code workers} after the handshake;
     * received data waits for it up to the server's buffer limit (then the peer is not read), and the session is
     * closed when it returns.
     *
     * @param handler the blocking handler
     * @param workers the threads the handler runs on
     * @return the handler for a {@link TlsNioServer}
     */
    static TlsChunkHandler blocking(Blocking handler, Executor workers) {
        return new BlockingChunkHandler(handler, workers);
    }
}
