package io.tlsmachine.jsse;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Netty 4.2 on loopback for the tests: one event loop group of two threads, servers on a free port and clients to
 * a port, each channel's pipeline set up by the test; closing it stops the group.
 */
final class NettyLoopback implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

    /** Binds a server on a free loopback port; {@code pipeline} sets up each accepted channel. */
    Channel serve(Consumer<SocketChannel> pipeline) throws InterruptedException {
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class).childHandler(initializer(pipeline))
                .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
    }

    /** Connects to {@code port} on loopback; {@code pipeline} sets up the channel. */
    Channel connect(int port, Consumer<SocketChannel> pipeline) throws InterruptedException {
        return new Bootstrap().group(group).channel(NioSocketChannel.class).handler(initializer(pipeline))
                .connect(InetAddress.getLoopbackAddress(), port).sync().channel();
    }

    /** The port a server of {@link #serve} listens on. */
    static int port(Channel server) {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    private static ChannelInitializer<SocketChannel> initializer(Consumer<SocketChannel> pipeline) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                pipeline.accept(channel);
            }
        };
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
