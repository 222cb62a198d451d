package io.tlsmachine;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TLS server on {@code java.nio} selectors: one accept thread and a fixed number of event loops
 * ({@link NioLimits#eventLoops()}), each connection an engine plus its channel, served by a non-blocking
 * {@link TlsChunkHandler}. No connection holds a thread: an idle or slow peer costs its engine and socket only.
 *
 * <p>Limits ({@link NioLimits}): connections beyond the maximum are closed at once; a handshake that does not
 * complete in time is closed without an alert; an idle connection gets close_notify; a peer that does not read
 * what we send is not read either once the limit's bytes wait for it (back-pressure).
 */
public final class TlsNioServer implements Closeable {
    private static final TlsServer.Observer NO_OBSERVER = new TlsServer.Observer() { };

    private final ServerSocketChannel serverChannel;
    private final TlsConfig config;
    private final TlsChunkHandler handler;
    private final TlsServer.Observer observer;
    private final NioLimits limits;
    private final NioEventLoop[] loops;
    private final Thread acceptor;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong outboundHighWater = new AtomicLong();
    private int nextLoop;

    private TlsNioServer(ServerSocketChannel serverChannel, TlsConfig config, TlsChunkHandler handler,
            TlsServer.Observer observer, NioLimits limits) throws IOException {
        this.serverChannel = serverChannel;
        this.config = config;
        this.handler = handler;
        this.observer = observer;
        this.limits = limits;
        this.loops = new NioEventLoop[limits.eventLoops()];
        int port = serverChannel.socket().getLocalPort();
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new NioEventLoop(this, "tls-nio-" + port + "-" + i);
        }
        this.acceptor = new Thread(this::acceptLoop, "tls-nio-accept-" + port);
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
    public static TlsNioServer start(InetSocketAddress address, TlsConfig config, TlsChunkHandler handler)
            throws IOException {
        return start(address, config, handler, NO_OBSERVER, NioLimits.defaults());
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
    public static TlsNioServer start(InetSocketAddress address, TlsConfig config, TlsChunkHandler handler,
            TlsServer.Observer observer, NioLimits limits) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.socket().setReuseAddress(true);
        channel.bind(address, 1024);
        TlsNioServer server = new TlsNioServer(channel, config, handler, observer, limits);
        for (NioEventLoop loop : server.loops) {
            loop.start();
        }
        server.acceptor.start();
        return server;
    }

    /** {@return the bound port} */
    public int port() {
        return serverChannel.socket().getLocalPort();
    }

    /** {@return the number of connections open now} */
    public int openConnections() {
        return open.get();
    }

    /** {@return how many connections were refused because {@link NioLimits#maxConnections()} were open} */
    public long refusedConnections() {
        return refused.get();
    }

    /** {@return the most bytes seen waiting to be sent on one connection (back-pressure keeps it near the limit)} */
    public long outboundHighWater() {
        return outboundHighWater.get();
    }

    private void acceptLoop() {
        while (serverChannel.isOpen()) {
            SocketChannel channel;
            try {
                channel = serverChannel.accept();
            } catch (AsynchronousCloseException closed) {
                return;
            } catch (IOException e) {
                continue;
            }
            if (open.incrementAndGet() > limits.maxConnections()) {
                refused.incrementAndGet();
                refused(channel);
                continue;
            }
            loops[nextLoop].adopt(channel);
            nextLoop = (nextLoop + 1) % loops.length;
        }
    }

    NioConnection newConnection(NioEventLoop loop, SocketChannel channel) throws IOException {
        TlsEngine engine = TlsEngine.server(config);
        NioConnection connection = new NioConnection(loop, channel, engine, handler, limits);
        observer.accepted(engine);
        return connection;
    }

    /** Closes a channel that never became a connection. */
    void refused(SocketChannel channel) {
        open.decrementAndGet();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    void finished(NioConnection connection, Exception failure) {
        open.decrementAndGet();
        observer.finished(connection.engine(), failure);
    }

    void recordOutboundBuffered(int bytes) {
        outboundHighWater.accumulateAndGet(bytes, Math::max);
    }

    /** Stops accepting, closes every connection and waits briefly for the loops. */
    @Override
    public void close() throws IOException {
        serverChannel.close();
        try {
            acceptor.join(5_000);
            for (NioEventLoop loop : loops) {
                loop.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
