package io.tlsmachine.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Drives an SSLEngine over a socket's blocking streams: the handshake, reading and writing application data, and
 * close_notify. One lock per direction, so that one thread may read while another writes; the handshake holds both.
 * The socket's timeout bounds every blocking read (a {@code SocketTimeoutException} reaches the caller).
 */
final class BlockingTlsChannel {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final InputStream rawIn;
    private final OutputStream rawOut;
    private final Object readLock = new Object();
    private final Object writeLock = new Object();
    /** The peer's bytes not yet unwrapped (read mode). */
    private ByteBuffer netIn;
    /** Application data unwrapped and not yet read (read mode). */
    private ByteBuffer appIn;
    private ByteBuffer netOut;
    private volatile boolean handshakeDone;
    private volatile boolean inputEnded;
    private volatile boolean outputEnded;

    BlockingTlsChannel(SSLEngine engine, InputStream rawIn, OutputStream rawOut) {
        this.engine = engine;
        this.rawIn = rawIn;
        this.rawOut = rawOut;
        int packet = engine.getSession().getPacketBufferSize();
        netIn = ByteBuffer.allocate(packet).flip();
        appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
        netOut = ByteBuffer.allocate(packet);
    }

    boolean handshakeDone() {
        return handshakeDone;
    }

    /**
     * Runs the handshake to its end unless it already ran; returns true when this call completed it (so the caller
     * tells the listeners).
     */
    boolean handshake() throws IOException {
        synchronized (readLock) {
            synchronized (writeLock) {
                if (handshakeDone) {
                    return false;
                }
                if (inputEnded || outputEnded) {
                    throw new SocketException("the socket is closed");
                }
                engine.beginHandshake();
                while (true) {
                    HandshakeStatus status = engine.getHandshakeStatus();
                    if (status == HandshakeStatus.NEED_WRAP) {
                        wrapAndSend(EMPTY);
                    } else if (status == HandshakeStatus.NEED_UNWRAP || status == HandshakeStatus.NEED_UNWRAP_AGAIN) {
                        if (unwrap() == null) {
                            throw new SSLHandshakeException("the peer closed the connection during the handshake");
                        }
                    } else if (status == HandshakeStatus.NEED_TASK) {
                        runTasks();
                    } else {
                        break;
                    }
                }
                handshakeDone = true;
                return true;
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** Reads application data into {@code b}, blocking until some arrives; -1 at the end of the stream. */
    int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        synchronized (readLock) {
            while (!appIn.hasRemaining()) {
                if (inputEnded) {
                    return -1;
                }
                SSLEngineResult result = unwrap();
                if (result == null || result.getStatus() == Status.CLOSED) {
                    inputEnded = true;
                }
            }
            int take = Math.min(len, appIn.remaining());
            appIn.get(b, off, take);
            return take;
        }
    }

    /** The application bytes readable without blocking. */
    int available() {
        synchronized (readLock) {
            return appIn.remaining();
        }
    }

    /** Seals and sends all of {@code b[off, off+len)}. */
    void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        synchronized (writeLock) {
            ByteBuffer src = ByteBuffer.wrap(b, off, len);
            while (src.hasRemaining()) {
                if (outputEnded) {
                    throw new SocketException("the TLS connection's output is closed");
                }
                if (wrapAndSend(src).getStatus() == Status.CLOSED) {
                    outputEnded = true;
                }
            }
        }
    }

    /** Sends close_notify (unless already sent); failures to send are ignored, as the socket closes anyway. */
    void closeOutput() {
        synchronized (writeLock) {
            if (outputEnded) {
                return;
            }
            outputEnded = true;
            engine.closeOutbound();
            try {
                for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                    if (wrapAndSend(EMPTY).bytesProduced() == 0) {
                        break;
                    }
                }
            } catch (IOException ignored) {
                // The peer may have gone; the socket is closed next.
            }
        }
    }

    /** Stops reading: later reads return -1. */
    void closeInput() {
        inputEnded = true;
        try {
            engine.closeInbound();
        } catch (SSLException truncation) {
            // The application chose to stop reading before the peer's close_notify: not an attack on it.
        }
    }

    /**
     * Unwraps one record into {@code appIn}, reading from the socket as needed, and sends what the engine wants to
     * answer (a close_notify, a KeyUpdate); null when the socket ended first.
     */
    private SSLEngineResult unwrap() throws IOException {
        while (true) {
            appIn.compact();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, appIn);
            } finally {
                appIn.flip();
            }
            if (result.getStatus() == Status.BUFFER_UNDERFLOW) {
                if (!fill()) {
                    return null;
                }
            } else if (result.getStatus() == Status.BUFFER_OVERFLOW && !appIn.hasRemaining()) {
                appIn = ByteBuffer.allocate(appIn.capacity() * 2).flip();
            } else {
                if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                    runTasks();
                }
                if (handshakeDone && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                    sendPending();
                }
                return result;
            }
        }
    }

    /** Reads more of the peer's bytes into {@code netIn}; false at the end of the stream. */
    private boolean fill() throws IOException {
        netIn.compact();
        if (!netIn.hasRemaining()) {
            ByteBuffer larger = ByteBuffer.allocate(netIn.capacity() * 2);
            netIn.flip();
            larger.put(netIn);
            netIn = larger;
        }
        int n;
        try {
            n = rawIn.read(netIn.array(), netIn.arrayOffset() + netIn.position(), netIn.remaining());
        } finally {
            netIn.flip();
        }
        if (n < 0) {
            return false;
        }
        netIn.limit(netIn.limit() + n);
        return true;
    }

    /** Sends what the engine has queued after the handshake (close_notify answer, KeyUpdate, tickets). */
    private void sendPending() throws IOException {
        synchronized (writeLock) {
            for (int i = 0; i < 16 && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP; i++) {
                try {
                    if (wrapAndSend(EMPTY).bytesProduced() == 0) {
                        return;
                    }
                } catch (SocketException peerGone) {
                    return;
                }
            }
        }
    }

    /** Wraps from {@code src} (growing the output buffer on overflow) and writes what it produced. */
    private SSLEngineResult wrapAndSend(ByteBuffer src) throws IOException {
        while (true) {
            netOut.clear();
            SSLEngineResult result = engine.wrap(src, netOut);
            if (result.getStatus() == Status.BUFFER_OVERFLOW) {
                netOut = ByteBuffer.allocate(netOut.capacity() * 2);
                continue;
            }
            if (result.bytesProduced() > 0) {
                rawOut.write(netOut.array(), 0, netOut.position());
                rawOut.flush();
            }
            if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                runTasks();
            }
            return result;
        }
    }
}
