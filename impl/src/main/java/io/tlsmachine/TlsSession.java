package io.tlsmachine;

import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * One connection of a {@link TlsNioServer} as its {@link TlsChunkHandler} sees it. Every method may be called from
 * any thread; off the connection's event loop, the call is queued to it.
 */
public interface TlsSession {
    /** {@return the engine: negotiated parameters, early data, trace listeners} Use it on the event loop only. */
    TlsEngine engine();

    /** {@return the peer's address} */
    SocketAddress remoteAddress();

    /**
     * Seals {@code data} (copied) for the peer and sends it as the socket allows.
     * @param data the bytes to send
     */
    void write(byte[] data);

    /**
     * Seals the remaining bytes of {@code data} (consumed, or copied when called off the loop).
     * @param data the buffer of bytes to send
     */
    void write(ByteBuffer data);

    /** Stops reading the peer (back-pressure), until {@link #resumeReading()}. */
    void pauseReading();

    /** Reads the peer again after {@link #pauseReading()}. */
    void resumeReading();

    /** Sends close_notify, flushes what waits, then closes the socket. */
    void close();

    /** {@return whether the socket is closed} */
    boolean isClosed();
}
