package io.tlsmachine.verification.interop;

import static org.junit.jupiter.api.Assertions.fail;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * BoringSSL as an interop peer through Netty's OpenSSL engine ({@code netty-tcnative-boringssl-static},
 * {@link SslProvider#OPENSSL}) on 127.0.0.1, TLS 1.3 only, with its groups set by
 * {@link OpenSslContextOption#GROUPS} (BoringSSL's {@code SSL_CTX_set1_groups_list}, names as BoringSSL spells
 * them: {@code X25519MLKEM768}, {@code X25519}, {@code P-256}). Netty 4.2.18's
 * {@code SslProvider.isOptionSupported(OPENSSL, GROUPS)} answers false, yet its OpenSSL context applies the option
 * (it is read apart from the generic options and handed to {@code SSL_CTX_set1_groups_list}); a name BoringSSL
 * rejects fails {@code build()} ("failed to set curves / groups suite"), so the option is never silently dropped.
 * The server reads one line, answers
 * {@code "echo: " + line} and closes (close_notify); the client sends one line and reads until our server closes.
 */
final class NettyBoringSsl {
    static final long TIMEOUT_SECONDS = 15;

    private NettyBoringSsl() {
    }

    /**
     * Fails unless the BoringSSL native library loaded: it ships in the test dependency, so a failure to load is a
     * real fault of this machine (the cause, e.g. a missing glibc symbol or a noexec temp dir, is in the message).
     */
    static void requireLoaded() {
        if (!OpenSsl.isAvailable()) {
            fail("netty-tcnative-boringssl-static did not load: " + OpenSsl.unavailabilityCause(),
                    OpenSsl.unavailabilityCause());
        }
    }

    /**
     * Sets {@code groups}; none leaves Netty's default, which with BoringSSL is X25519MLKEM768 followed by x25519,
     * secp256r1, secp384r1, secp521r1 (Netty 4.2.18's {@code OpenSsl} puts the hybrid first for BoringSSL and
     * AWS-LC).
     */
    private static SslContextBuilder withGroups(SslContextBuilder builder, String... groups) {
        return groups.length == 0 ? builder : builder.option(OpenSslContextOption.GROUPS, groups);
    }

    /** What the BoringSSL server saw on one connection. */
    record Served(String protocol, String line, Throwable failure) {
        String checkedProtocol() {
            if (failure != null) {
                throw new AssertionError("the BoringSSL server failed: " + failure, failure);
            }
            return protocol;
        }
    }

    /**
     * A Netty BoringSSL line echo server presenting {@code pki}'s leaf, offering only {@code groups} (none: Netty's
     * default).
     */
    static final class Server implements AutoCloseable {
        private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        private final BlockingQueue<Served> served = new ArrayBlockingQueue<>(8);
        private final Channel listener;

        Server(InteropPki pki, String... groups) throws Exception {
            SslContext context = withGroups(SslContextBuilder.forServer(pki.keyManagerFactory())
                    .sslProvider(SslProvider.OPENSSL)
                    .protocols("TLSv1.3"), groups)
                    .build();
            ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            SslHandler tls = context.newHandler(channel.alloc());
                            channel.pipeline().addLast(tls, new LineBasedFrameDecoder(1024),
                                    new EchoOneLine(tls, served));
                        }
                    });
            try {
                listener = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            } catch (Exception e) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                throw e;
            }
        }

        int port() {
            return ((InetSocketAddress) listener.localAddress()).getPort();
        }

        /** Returns the next served connection, failing after fifteen seconds. */
        Served next() throws InterruptedException {
            Served next = served.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("the BoringSSL server served no connection within 15 s");
            }
            return next;
        }

        @Override
        public void close() {
            listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** Answers the first line with {@code "echo: " + line}, reports it, and closes with close_notify. */
    private static final class EchoOneLine extends SimpleChannelInboundHandler<ByteBuf> {
        private final SslHandler tls;
        private final BlockingQueue<Served> served;
        private boolean answered;

        EchoOneLine(SslHandler tls, BlockingQueue<Served> served) {
            this.tls = tls;
            this.served = served;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, ByteBuf frame) {
            if (answered) {
                return;
            }
            answered = true;
            String line = frame.toString(StandardCharsets.ISO_8859_1);
            served.add(new Served(tls.engine().getSession().getProtocol(), line, null));
            context.writeAndFlush(Unpooled.copiedBuffer("echo: " + line + "\n", StandardCharsets.ISO_8859_1));
            context.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            if (!answered) {
                answered = true;
                served.add(new Served(null, null, cause));
            }
            context.close();
        }
    }

    /** What the BoringSSL client negotiated and received. */
    record Received(String protocol, String text) {
    }

    /**
     * A Netty BoringSSL client offering only {@code groups} (none: Netty's default), trusting {@code pki}'s root and checking
     * {@link InteropPki#HOST}: sends {@code line} to 127.0.0.1:{@code port} and returns all it received until the
     * server closed.
     */
    static Received echo(int port, InteropPki pki, String line, String... groups) throws Exception {
        SslContext context = withGroups(SslContextBuilder.forClient()
                .sslProvider(SslProvider.OPENSSL)
                .protocols("TLSv1.3")
                .trustManager(pki.trustManagerFactory())
                .endpointIdentificationAlgorithm("HTTPS"), groups)
                .build();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            CompletableFuture<String> closed = new CompletableFuture<>();
            StringBuilder received = new StringBuilder();
            SslHandler[] tls = new SslHandler[1];
            Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            tls[0] = context.newHandler(channel.alloc(), InteropPki.HOST, port);
                            channel.pipeline().addLast(tls[0], new CollectUntilClosed(received, closed));
                        }
                    });
            Channel channel = bootstrap.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                    .sync().channel();
            if (!tls[0].handshakeFuture().await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the BoringSSL client's handshake did not finish within 15 s");
            }
            if (!tls[0].handshakeFuture().isSuccess()) {
                throw new AssertionError("the BoringSSL client's handshake failed: " + tls[0].handshakeFuture().cause(),
                        tls[0].handshakeFuture().cause());
            }
            String protocol = tls[0].engine().getSession().getProtocol();
            channel.writeAndFlush(Unpooled.copiedBuffer(line + "\n", StandardCharsets.ISO_8859_1)).sync();
            return new Received(protocol, closed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** Collects the decrypted bytes; completes with them when the connection closes, or with its failure. */
    private static final class CollectUntilClosed extends SimpleChannelInboundHandler<ByteBuf> {
        private final StringBuilder received;
        private final CompletableFuture<String> closed;

        CollectUntilClosed(StringBuilder received, CompletableFuture<String> closed) {
            this.received = received;
            this.closed = closed;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, ByteBuf data) {
            received.append(data.toString(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            closed.complete(received.toString());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            closed.completeExceptionally(cause);
            context.close();
        }
    }
}
