package io.tlsmachine.impl.net;

import io.tlsmachine.impl.config.TlsConfig;
import io.tlsmachine.impl.engine.TlsEngine;
import io.tlsmachine.impl.engine.TransitionListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Opens client connections: TCP connect, then the TLS handshake within a deadline. */
public final class TlsClient {
    private TlsClient() {
    }

    /**
     * Connects to {@code address} and completes the handshake; {@code listener} sees every model transition
     * (pass {@code t -> {}} for none).
     */
    public static TlsConnection connect(InetSocketAddress address, TlsConfig config, TransitionListener listener,
            Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(address, (int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            TlsEngine engine = TlsEngine.client(config).addTransitionListener(listener);
            TlsConnection connection = new TlsConnection(socket, engine, timeout);
            connection.handshake(timeout);
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
