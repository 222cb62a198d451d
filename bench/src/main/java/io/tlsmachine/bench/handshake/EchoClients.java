package io.tlsmachine.bench.handshake;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Netty TLS clients of the echo server (NIO transport, one event loop), in two workloads. Handshakes: {@code n}
 * connections at once, each connecting, completing a full handshake, sending one byte and closing when it comes
 * back (so the server's side of the handshake is done too), then replaced by a new one; {@link #completed()}
 * counts them. Bulk: one connection writing 16 KiB application writes with at most {@link #WINDOW} bytes not yet
 * echoed; {@link #completed()} counts the echoed bytes. Clients have no peer host, so no session is resumed;
 * the JSSE ones get the server's name as an SNI parameter (our provider's client needs a name).
 */
final class EchoClients implements AutoCloseable {

    /** Bytes of one bulk write: one full TLS record of plaintext. */
    static final int WRITE = 16384;
    /** Bulk bytes written and not yet echoed, at most. */
    static final int WINDOW = 16 * WRITE;

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final SslContext context;
    private final boolean jsse;
    private final InetSocketAddress server;
    private final HandshakeProof proof;
    private final AtomicReference<Throwable> failure;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final byte[] data = new byte[WRITE];
    private volatile boolean running = true;
    private volatile String bulkSuite = "none";

    EchoClients(NettyContexts contexts, InetSocketAddress server, HandshakeProof proof, AtomicReference<Throwable> failure) {
        this.context = contexts.client();
        this.jsse = contexts.stack() != Stack.BORINGSSL;
        this.server = server;
        this.proof = proof;
        this.failure = failure;
        new java.util.Random(12).nextBytes(data);
    }

    /** Returns the negotiated suite of the bulk connection, once its handshake is done. */
    String bulkSuite() {
        return bulkSuite;
    }

    /** Handshakes completed, or bulk bytes echoed, so far. */
    long completed() {
        return completed.get();
    }

    /** Starts {@code connections} handshake loops. */
    void startHandshakes(int connections) {
        for (int i = 0; i < connections; i++) {
            connect(false);
        }
    }

    /** Starts one bulk connection. */
    void startBulk() {
        connect(true);
    }

    private void connect(boolean bulk) {
        if (!running || failure.get() != null) {
            return;
        }
        open.incrementAndGet();
        ByteCounter sent = new ByteCounter();
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        SslHandler tls = context.newHandler(channel.alloc());
                        if (jsse) {
                            serverName(tls.engine());
                        }
                        channel.pipeline().addLast(sent, tls, bulk ? new Bulk() : new OneEcho(sent));
                    }
                });
        Channel channel = bootstrap.connect(server).addListener(connected -> {
            if (!connected.isSuccess()) {
                failure.compareAndSet(null, connected.cause());
            }
        }).channel();
        channel.closeFuture().addListener(closed -> {
            open.decrementAndGet();
            if (!bulk) {
                connect(false);
            }
        });
    }

    private static void serverName(SSLEngine engine) {
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(BenchPki.HOST)));
        engine.setSSLParameters(parameters);
    }

    private void fail(ChannelHandlerContext context, Throwable cause) {
        failure.compareAndSet(null, cause);
        context.close();
    }

    /** After the handshake, sends one byte; when it comes back, checks the client's bytes, counts and closes. */
    private final class OneEcho extends ChannelInboundHandlerAdapter {
        private final ByteCounter sent;

        OneEcho(ByteCounter sent) {
            this.sent = sent;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event instanceof SslHandshakeCompletionEvent done) {
                if (done.isSuccess()) {
                    context.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {42}));
                } else {
                    fail(context, done.cause());
                }
            }
            context.fireUserEventTriggered(event);
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            ReferenceCountUtil.release(message);
            try {
                proof.checkClient(sent.written());
                completed.incrementAndGet();
            } catch (IllegalStateException e) {
                failure.compareAndSet(null, e);
            }
            context.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            fail(context, cause);
        }
    }

    /** After the handshake, keeps {@link #WINDOW} bytes in flight and counts what comes back. */
    private final class Bulk extends ChannelInboundHandlerAdapter {
        private long written;
        private long echoed;

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event instanceof SslHandshakeCompletionEvent done) {
                if (done.isSuccess()) {
                    bulkSuite = context.pipeline().get(SslHandler.class).engine().getSession().getCipherSuite();
                    topUp(context);
                } else {
                    fail(context, done.cause());
                }
            }
            context.fireUserEventTriggered(event);
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            ByteBuf buffer = (ByteBuf) message;
            echoed += buffer.readableBytes();
            completed.addAndGet(buffer.readableBytes());
            buffer.release();
            topUp(context);
        }

        private void topUp(ChannelHandlerContext context) {
            if (!running) {
                if (echoed == written) {
                    context.close();
                }
                return;
            }
            boolean wrote = false;
            while (written - echoed + WRITE <= WINDOW) {
                context.write(Unpooled.wrappedBuffer(data));
                written += WRITE;
                wrote = true;
            }
            if (wrote) {
                context.flush();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            fail(context, cause);
        }
    }

    /** Stops starting connections and writing, waits up to 10 s for the open ones to end, and stops the loop. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (open.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
