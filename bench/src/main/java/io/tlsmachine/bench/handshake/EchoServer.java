package io.tlsmachine.bench.handshake;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Netty TLS echo server on 127.0.0.1 (NIO transport, one event loop): every connection's decrypted bytes are
 * written back as they arrive, flushed once per read burst. Each connection's handshake is checked against
 * {@code proof} from the bytes the server had sent when its handshake completed; the first failure is kept.
 */
final class EchoServer implements AutoCloseable {

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final AtomicReference<Throwable> failure;
    private final Channel listener;

    EchoServer(SslContext context, HandshakeProof proof, AtomicReference<Throwable> failure) throws InterruptedException {
        this.failure = failure;
        ServerBootstrap bootstrap = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ByteCounter sent = new ByteCounter();
                        SslHandler tls = context.newHandler(channel.alloc());
                        tls.handshakeFuture().addListener(done -> {
                            if (done.isSuccess()) {
                                check(() -> proof.checkServer(sent.written()));
                            } else {
                                failure.compareAndSet(null, done.cause());
                            }
                        });
                        channel.pipeline().addLast(sent, tls, new Echo());
                    }
                });
        listener = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    private void check(Runnable check) {
        try {
            check.run();
        } catch (IllegalStateException e) {
            failure.compareAndSet(null, e);
        }
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    /** Writes back what it reads; flushes when a read burst ends. */
    private final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            context.write(message);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext context) {
            context.flush();
        }

        /** Closes the connection; a failed handshake is reported by its future, a reset after it is no failure. */
        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }
    }
}
