package io.tlsmachine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Opens client connections: TCP connect, then the TLS handshake within a deadline. */
public final class TlsClient {
    private TlsClient() {
    }

    /** How long {@link #connect(String, int, TlsConfig)} waits for the TCP connection and for the handshake. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Connects to {@code host} on {@code port} and completes the handshake with {@code host} as the server name (sent
     * in server_name unless it is an IP literal, and checked against the server's certificate), so one configuration
     * serves many hosts; waits at most {@link #DEFAULT_TIMEOUT} for each.
     * @param host the server's host name or IP literal
     * @param port the server's port
     * @param config the client configuration
     * @return the connection, handshake complete
     * @throws IOException when the connection fails or the handshake fails ({@link TlsConnectionException})
     */
    public static TlsConnection connect(String host, int port, TlsConfig config) throws IOException {
        return connect(new InetSocketAddress(host, port), config.withServerName(host), taken -> { }, DEFAULT_TIMEOUT);
    }

    /**
     * Connects to {@code address} and completes the handshake; {@code listener} sees every model transition
     * (pass {@code t -> {}} for none).
     * @param address the server's address
     * @param config the client configuration (with the server name)
     * @param listener what sees every model transition
     * @param timeout the time the connect and the handshake may each take
     * @return the connection, handshake complete
     * @throws IOException when the connection fails or the handshake fails ({@link TlsConnectionException})
     */
    public static TlsConnection connect(InetSocketAddress address, TlsConfig config, TransitionListener listener,
            Duration timeout) throws IOException {
        return connect(address, config, listener, timeout, null);
    }

    /**
     * Connects like {@link #connect(InetSocketAddress, TlsConfig, TransitionListener, Duration)}, sending
     * {@code earlyData} (unless null) as TLS 1.3 0-RTT data when the stored ticket allows it (RFC 8446 §2.3); see
     * {@link TlsEngine#offerEarlyData} and {@link TlsEngine#earlyDataStatus()}.
     * @param address the server's address
     * @param config the client configuration (with the server name and ticket store)
     * @param listener what sees every model transition
     * @param timeout the time the connect and the handshake may each take
     * @param earlyData the 0-RTT data to send, or null
     * @return the connection, handshake complete
     * @throws IOException when the connection fails or the handshake fails ({@link TlsConnectionException})
     */
    public static TlsConnection connect(InetSocketAddress address, TlsConfig config, TransitionListener listener,
            Duration timeout, byte[] earlyData) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(address, (int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            TlsEngine engine = TlsEngine.client(config).addTransitionListener(listener);
            if (earlyData != null) {
                engine.offerEarlyData(earlyData);
            }
            TlsConnection connection = new TlsConnection(socket, engine, timeout);
            connection.handshake(timeout);
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
