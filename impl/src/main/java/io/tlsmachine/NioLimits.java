package io.tlsmachine;

import java.time.Duration;

/**
 * Limits of a {@link TlsNioServer}, each with a safe default ({@link #defaults()}).
 *
 * <p>The largest handshake message a peer may send is the configuration's
 * {@link RecordLayerConfig#maxHandshakeMessageSize()} (64 KiB by default; a Certificate message may have 256 KiB), enforced
 * by the engine.
 *
 * @param eventLoops threads running selectors (default: the number of cores)
 * @param maxConnections connections open at once; a connection accepted beyond it is closed at once, before any byte
 *     is read (default 4096)
 * @param handshakeTimeout time from accept to a completed handshake; a peer still mid-handshake then is closed
 *     without an alert (default 10 s)
 * @param idleTimeout time without a byte in either direction after the handshake; then close_notify is sent and
 *     the connection closed (default 60 s)
 * @param maxBufferedBytes bytes held per connection in each direction: records waiting to be sent (when more wait,
 *     the peer is not read until they flush) and application data received and not yet taken by a blocking
 *     handler (default 64 KiB)
 */
public record NioLimits(int eventLoops, int maxConnections, Duration handshakeTimeout, Duration idleTimeout,
        int maxBufferedBytes) {

    /**
     * Checks that every limit is positive (and {@code maxBufferedBytes} at least 1024).
     *
     * @param eventLoops threads running selectors (default: the number of cores)
     * @param maxConnections connections open at once; a connection accepted beyond it is closed at once, before any
     *     byte is read (default 4096)
     * @param handshakeTimeout time from accept to a completed handshake; a peer still mid-handshake then is closed
     *     without an alert (default 10 s)
     * @param idleTimeout time without a byte in either direction after the handshake; then close_notify is sent and
     *     the connection closed (default 60 s)
     * @param maxBufferedBytes bytes held per connection in each direction: records waiting to be sent (when more
     *     wait, the peer is not read until they flush) and application data received and not yet taken by a blocking
     *     handler (default 64 KiB)
     */
    public NioLimits {
        if (eventLoops < 1 || maxConnections < 1 || maxBufferedBytes < 1024) {
            throw new IllegalArgumentException("eventLoops and maxConnections must be positive, maxBufferedBytes >= 1024");
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero() || idleTimeout.isNegative()
                || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** {@return the defaults: one loop per core, 4096 connections, 10 s handshake, 60 s idle, 64 KiB each way} */
    public static NioLimits defaults() {
        return new NioLimits(Runtime.getRuntime().availableProcessors(), 4096, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 64 * 1024);
    }

    /**
     * {@return these limits with {@code maxConnections} replaced}
     * @param max connections open at once; more are closed as they arrive
     */
    public NioLimits withMaxConnections(int max) {
        return new NioLimits(eventLoops, max, handshakeTimeout, idleTimeout, maxBufferedBytes);
    }

    /**
     * {@return these limits with both timeouts replaced}
     * @param handshake the time a handshake may take
     * @param idle the time a connection may stay silent after its handshake
     */
    public NioLimits withTimeouts(Duration handshake, Duration idle) {
        return new NioLimits(eventLoops, maxConnections, handshake, idle, maxBufferedBytes);
    }

    /**
     * {@return these limits with {@code maxBufferedBytes} replaced}
     * @param max bytes buffered per connection each way
     */
    public NioLimits withMaxBufferedBytes(int max) {
        return new NioLimits(eventLoops, maxConnections, handshakeTimeout, idleTimeout, max);
    }
}
