package io.tlsmachine.verification.interop;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.TlsConnection;
import io.tlsmachine.TlsServer;
import io.tlsmachine.model.Negotiated;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Our {@link TlsServer} on 127.0.0.1 as a line echo service: each received line comes back as
 * {@code "echo: " + line}. With {@code keyUpdateAfterFirstLine} it sends KeyUpdate(update_requested) before the
 * first echo (RFC 8446 §4.6.3). After {@code lines} lines it sends close_notify; it also stops when the peer
 * closes. Each finished connection is reported as a {@link Served}.
 */
final class OurServer implements AutoCloseable {

    /** What one connection negotiated and received, and how it ended. */
    record Served(Optional<NegotiatedParameters> negotiated, Negotiated facts, String received, boolean closed,
            Exception failure) {
        NegotiatedParameters parameters() {
            if (failure != null) {
                throw new AssertionError("our server failed: " + failure, failure);
            }
            return negotiated.orElseThrow(() -> new AssertionError("our server negotiated nothing"));
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TlsServer server;
    private final BlockingQueue<Served> served = new ArrayBlockingQueue<>(64);
    private final Map<TlsEngine, StringBuilder> received = new ConcurrentHashMap<>();

    OurServer(TlsConfig config, int lines, boolean keyUpdateAfterFirstLine) throws IOException {
        TlsServer.Observer observer = new TlsServer.Observer() {
            @Override
            public void finished(TlsEngine engine, Exception failure) {
                StringBuilder text = received.remove(engine);
                served.add(new Served(engine.negotiated(), engine.facts(), text == null ? "" : text.toString(),
                        engine.isClosed(), failure));
            }
        };
        this.server = TlsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), config,
                connection -> echo(connection, lines, keyUpdateAfterFirstLine), observer,
                new TlsServer.Limits(2, 4, TIMEOUT, TIMEOUT));
    }

    private void echo(TlsConnection connection, int lines, boolean keyUpdate) throws IOException {
        StringBuilder text = new StringBuilder();
        received.put(connection.engine(), text);
        int echoed = 0;
        int start = 0;
        while (echoed < lines) {
            byte[] data = connection.read();
            if (data.length == 0) {
                return;
            }
            text.append(new String(data, StandardCharsets.ISO_8859_1));
            int newline;
            while (echoed < lines && (newline = text.indexOf("\n", start)) >= 0) {
                if (keyUpdate && echoed == 0) {
                    connection.engine().requestKeyUpdate();
                }
                connection.write(("echo: " + text.substring(start, newline + 1)).getBytes(StandardCharsets.ISO_8859_1));
                start = newline + 1;
                echoed++;
            }
        }
        connection.close();
    }

    int port() {
        return server.port();
    }

    /** Returns the next finished connection, failing after ten seconds. */
    Served next() throws InterruptedException {
        Served next = served.poll(15, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("our server finished no connection within 15 s");
        }
        return next;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
