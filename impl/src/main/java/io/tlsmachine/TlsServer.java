package io.tlsmachine;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A multi-connection TLS server over blocking sockets: one accept thread and a bounded worker pool (Java 17).
 * A failed, malformed or abandoned connection ends alone; the server keeps serving. When every worker is busy
 * and the queue is full, a new connection is closed at once rather than queued without bound.
 */
public final class TlsServer implements Closeable {

    /** Serves one connection after its handshake completed. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Serves one connection; the server closes it when this returns.
         * @param connection the connection, handshake complete
         * @throws IOException when the connection fails (it ends that connection only)
         */
        void serve(TlsConnection connection) throws IOException;
    }

    /** Sees every connection's engine before its handshake, and how the connection ended. */
    public interface Observer {
        /**
         * Called with a new connection's engine before its handshake (e.g. to add a transition listener).
         * @param engine the connection's engine
         */
        default void accepted(TlsEngine engine) {
        }

        /**
         * Called when a connection ended; {@code failure} is null when it ended normally.
         * @param engine the connection's engine
         * @param failure why it ended, or null
         */
        default void finished(TlsEngine engine, Exception failure) {
        }
    }

    /**
     * Limits of the server; the defaults suit a demo or a test.
     *
     * @param workers threads serving connections
     * @param queue accepted connections waiting for a worker; more are closed at once
     * @param handshakeTimeout the time a handshake may take
     * @param readTimeout the time a read may wait after the handshake
     */
    public record Limits(int workers, int queue, Duration handshakeTimeout, Duration readTimeout) {
        /** {@return the defaults: 8 workers, 64 queued connections, 10 s handshake, 30 s read timeout} */
        public static Limits defaults() {
            return new Limits(8, 64, Duration.ofSeconds(10), Duration.ofSeconds(30));
        }
    }

    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private final TlsConfig config;
    private final Handler handler;
    private final Observer observer;
    private final Limits limits;

    private TlsServer(ServerSocket serverSocket, TlsConfig config, Handler handler, Observer observer, Limits limits) {
        this.serverSocket = serverSocket;
        this.config = config;
        this.handler = handler;
        this.observer = observer;
        this.limits = limits;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queue()), runnable -> {
                    Thread thread = new Thread(runnable, "tls-worker-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.acceptor = new Thread(this::acceptLoop, "tls-accept-" + serverSocket.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /**
     * Binds {@code address} (port 0: any free port) and serves each connection with {@code handler}, default limits.
     * @param address the address to listen on
     * @param config the server configuration (with its certified key)
     * @param handler what serves each connection
     * @return the running server
     * @throws IOException when the address cannot be bound
     */
    public static TlsServer start(InetSocketAddress address, TlsConfig config, Handler handler) throws IOException {
        return start(address, config, handler, new Observer() { }, Limits.defaults());
    }

    /**
     * Binds {@code address} (port 0: any free port) and starts serving.
     * @param address the address to listen on
     * @param config the server configuration (with its certified key)
     * @param handler what serves each connection
     * @param observer what is told of each connection's start and end
     * @param limits how many connections and how long each may take
     * @return the running server
     * @throws IOException when the address cannot be bound
     */
    public static TlsServer start(InetSocketAddress address, TlsConfig config, Handler handler, Observer observer,
            Limits limits) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(address, limits.queue());
        TlsServer server = new TlsServer(socket, config, handler, observer, limits);
        server.acceptor.start();
        return server;
    }

    /** {@return the bound port} */
    public int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                continue;
            }
            try {
                workers.execute(() -> serve(socket));
            } catch (RejectedExecutionException full) {
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        TlsEngine engine = TlsEngine.server(config);
        observer.accepted(engine);
        Exception failure = null;
        try (TlsConnection connection = new TlsConnection(socket, engine, limits.readTimeout())) {
            connection.handshake(limits.handshakeTimeout());
            handler.serve(connection);
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            closeQuietly(socket);
            observer.finished(engine, failure);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    /** Stops accepting, interrupts the workers and waits briefly for them. */
    @Override
    public void close() throws IOException {
        serverSocket.close();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
