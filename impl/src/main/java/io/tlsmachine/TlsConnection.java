package io.tlsmachine;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Drives one {@link TlsEngine} over a blocking socket: handshake with a deadline, then application data both
 * ways, then close_notify. Not thread-safe: one thread per connection.
 *
 * <p>Memory a peer can make us hold: one read buffer ({@link #READ_BUFFER} bytes) here, plus what the engine
 * bounds (one record, one handshake message up to its configured maximum) and the application data received and
 * not yet read, which {@link #read} drains after every socket read.
 */
public final class TlsConnection implements Closeable {
    /** One maximal TLS 1.2 ciphertext record plus its header (RFC 5246 §6.2.3). */
    static final int READ_BUFFER = 5 + (1 << 14) + 2048;

    private final Socket socket;
    private final TlsEngine engine;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[READ_BUFFER];
    private final Duration readTimeout;

    /**
     * Wraps a connected socket; {@code readTimeout} bounds every read after the handshake (the handshake has its
     * own deadline).
     * @param socket the connected socket
     * @param engine the engine, not yet started
     * @param readTimeout the time a read may wait after the handshake
     * @throws IOException when the socket's timeout cannot be set
     */
    public TlsConnection(Socket socket, TlsEngine engine, Duration readTimeout) throws IOException {
        this.socket = socket;
        this.engine = engine;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.readTimeout = readTimeout;
    }

    /**
     * {@return the application data received as a stream: reads block like {@link #read()}, end of stream when the
     * peer closed; closing it closes the connection}
     */
    public InputStream inputStream() {
        return new ConnectionStreams.In(this);
    }

    /** {@return a stream whose every write is sent as application data at once; closing it closes the connection} */
    public OutputStream outputStream() {
        return new ConnectionStreams.Out(this);
    }

    /** {@return the engine (state, negotiated parameters, trace listeners)} */
    public TlsEngine engine() {
        return engine;
    }

    /**
     * Runs the handshake to completion or failure within {@code timeout}.
     *
     * @throws TlsConnectionException when the handshake failed (with the TLS reason), the peer closed the
     *     connection, or the deadline passed
     * @param timeout the time the handshake may take
     * @throws IOException when the socket fails or is closed
     */
    public void handshake(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        engine.beginHandshake();
        flush();
        while (!engine.isHandshakeComplete()) {
            failIfEnded("handshake");
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                throw new TlsConnectionException("handshake did not complete within " + timeout + " (state "
                        + engine.state().name() + ")", null);
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
            try {
                if (!readOnce()) {
                    failIfEnded("handshake");
                    throw new TlsConnectionException("the peer closed the connection during the handshake (state "
                            + engine.state().name() + ")", null);
                }
            } catch (SocketTimeoutException e) {
                throw new TlsConnectionException("handshake did not complete within " + timeout + " (state "
                        + engine.state().name() + ")", null);
            }
        }
    }

    /**
     * Sends application data.
     * @param data the bytes to send
     * @throws IOException when the socket fails or is closed
     */
    public void write(byte[] data) throws IOException {
        failIfEnded("write");
        engine.writeApplicationData(data);
        flush();
        failIfEnded("write");
    }

    /**
     * {@return the next application data received, waiting for it; empty when the peer closed (close_notify or
     * end of stream)}
     *
     * @throws SocketTimeoutException when nothing arrived within the read timeout
     * @throws IOException when the socket fails or is closed
     */
    public byte[] read() throws IOException {
        socket.setSoTimeout((int) readTimeout.toMillis());
        while (true) {
            byte[] data = engine.readApplicationData();
            if (data.length > 0) {
                return data;
            }
            if (engine.isClosed()) {
                return data;
            }
            failIfEnded("read");
            if (!readOnce()) {
                return engine.readApplicationData();
            }
        }
    }

    /**
     * Reads until the peer closes or {@code maxBytes} arrived, whichever comes first.
     * @param maxBytes the most bytes to read
     * @return the bytes read, possibly fewer than {@code maxBytes}
     * @throws IOException when the socket fails or is closed
     */
    public byte[] readAll(int maxBytes) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        while (received.size() < maxBytes) {
            byte[] data;
            try {
                data = read();
            } catch (SocketTimeoutException e) {
                break;
            }
            if (data.length == 0) {
                break;
            }
            received.writeBytes(data);
        }
        return received.toByteArray();
    }

    /** Sends close_notify if the connection is still up, then closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            if (!engine.isFailed() && !engine.isClosed()) {
                engine.close();
                flush();
            }
        } catch (IllegalStateException notAllowedHere) {
            // The model has no CLOSE in this state (e.g. mid-handshake): the socket close below ends it.
        } finally {
            socket.close();
        }
    }

    private boolean readOnce() throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            return false;
        }
        engine.feed(ByteBuffer.wrap(buffer, 0, n));
        flush();
        return true;
    }

    private void flush() throws IOException {
        byte[] pending = engine.drainOutbound();
        if (pending.length > 0) {
            out.write(pending);
            out.flush();
        }
    }

    private void failIfEnded(String during) throws TlsConnectionException {
        if (engine.isFailed()) {
            TlsException failure = engine.failure().orElse(null);
            String why = failure != null ? failure.getMessage()
                    : engine.receivedAlert().map(a -> "the peer sent " + a).orElse("failed");
            throw new TlsConnectionException(during + " failed: " + why, failure);
        }
    }
}
