package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/** Drives an engine over a blocking socket for interop tests (reads time out; loops are bounded by the socket). */
final class SocketDriver {

    private final TlsEngine engine;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 15];

    SocketDriver(TlsEngine engine, Socket socket) throws IOException {
        this.engine = engine;
        socket.setSoTimeout(10_000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    void handshake() throws IOException {
        engine.beginHandshake();
        flush();
        while (!engine.isHandshakeComplete()) {
            if (engine.isFailed() || engine.isClosed() || !readOnce()) {
                throw new AssertionError("handshake did not complete: " + engine.state().name() + " "
                        + engine.failure().map(Throwable::getMessage).orElse(""));
            }
            flush();
        }
    }

    void write(byte[] data) throws IOException {
        engine.writeApplicationData(data);
        flush();
    }

    /** Reads application data until {@code done} holds for what arrived, the peer closes, or the read times out. */
    byte[] readUntil(java.util.function.Predicate<String> done) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        while (!engine.isClosed() && !engine.isFailed()) {
            received.writeBytes(engine.readApplicationData());
            if (done.test(received.toString(java.nio.charset.StandardCharsets.ISO_8859_1))) {
                break;
            }
            boolean more;
            try {
                more = readOnce();
            } catch (SocketTimeoutException e) {
                break;
            }
            flush();
            if (!more) {
                break;
            }
        }
        received.writeBytes(engine.readApplicationData());
        return received.toByteArray();
    }

    void close() throws IOException {
        engine.close();
        flush();
    }

    private boolean readOnce() throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            return false;
        }
        engine.feed(ByteBuffer.wrap(buffer, 0, n));
        return true;
    }

    private void flush() throws IOException {
        byte[] pending = engine.drainOutbound();
        if (pending.length > 0) {
            out.write(pending);
            out.flush();
        }
    }
}
