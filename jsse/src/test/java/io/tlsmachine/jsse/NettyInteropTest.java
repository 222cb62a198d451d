package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Netty 4.2's SslHandler over our SSLEngine, built the way Netty users do
 * ({@code SslContextBuilder...sslProvider(SslProvider.JDK).sslContextProvider(new TlsMachineProvider())}): HTTP/1.1
 * on loopback with ALPN, our provider on the client, the server or both, against the JDK's on the other side.
 */
@Tag("slow")
@Timeout(60)
class NettyInteropTest {
    private final NettyLoopback netty = new NettyLoopback();
    private final JssePki pki = new JssePki(CertificateKeyType.EC_P256);

    @AfterEach
    void stop() {
        netty.close();
    }

    @ParameterizedTest(name = "client {0}, server {1}, {2}")
    @CsvSource({
        "ours, ours, TLSv1.3",
        "ours, ours, TLSv1.2",
        "ours, JDK,  TLSv1.3",
        "JDK,  ours, TLSv1.3",
        "JDK,  ours, TLSv1.2",
    })
    void anHttpExchangeRunsOverSslHandlerWithOurEngine(String clientSide, String serverSide, String protocol)
            throws Exception {
        CompletableFuture<SSLEngine> serverEngine = new CompletableFuture<>();
        SslContext serverContext = serverContext(serverSide.equals("ours"), protocol);
        Channel server = netty.serve(channel -> {
            SslHandler tls = serverContext.newHandler(channel.alloc());
            serverEngine.complete(tls.engine());
            channel.pipeline().addLast(tls, new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new EchoHandler());
        });
        int port = NettyLoopback.port(server);
        SslContext clientContext = clientContext(clientSide.equals("ours"), protocol);
        CompletableFuture<String> body = new CompletableFuture<>();
        CompletableFuture<SslHandler> clientTls = new CompletableFuture<>();
        Channel client = netty.connect(port, channel -> {
            SslHandler tls = clientContext.newHandler(channel.alloc(), JssePki.HOST, port);
            clientTls.complete(tls);
            channel.pipeline().addLast(tls, new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                    new SimpleChannelInboundHandler<FullHttpResponse>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
                            body.complete(response.content().toString(StandardCharsets.UTF_8));
                        }

                        @Override
                        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                            body.completeExceptionally(cause);
                        }
                    });
        });
        try {
            clientTls.get(10, TimeUnit.SECONDS).handshakeFuture().get(10, TimeUnit.SECONDS);
            byte[] payload = SslSocketInteropTest.randomBytes(40_000);
            String text = java.util.Base64.getEncoder().encodeToString(payload);
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/echo",
                    Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
            request.headers().set(HttpHeaderNames.HOST, JssePki.HOST).setInt(HttpHeaderNames.CONTENT_LENGTH, text.length());
            client.writeAndFlush(request).sync();

            assertThat(body.get(10, TimeUnit.SECONDS)).isEqualTo("echo " + text);
            SSLEngine clientEngine = clientTls.get().engine();
            boolean ourClient = clientSide.equals("ours");
            SSLEngine ours = ourClient ? clientEngine : serverEngine.get(10, TimeUnit.SECONDS);
            // Netty wraps the engine (for ALPN); the session it reports is the one our provider's context keeps.
            javax.net.ssl.SSLContext ourContext = ((JdkSslContext) (ourClient ? clientContext : serverContext)).context();
            assertThat(ourContext.getProvider().getName()).isEqualTo(TlsMachineProvider.NAME);
            javax.net.ssl.SSLSession kept = (ourClient ? ourContext.getClientSessionContext()
                    : ourContext.getServerSessionContext()).getSession(ours.getSession().getId());
            assertThat(kept).isInstanceOf(TlsMachineSession.class);
            assertThat(kept.getProtocol()).isEqualTo(protocol).isEqualTo(ours.getSession().getProtocol());
            assertThat(clientEngine.getSession().getCipherSuite())
                    .isEqualTo(serverEngine.get().getSession().getCipherSuite());
            assertThat(clientTls.get().applicationProtocol()).isEqualTo(ApplicationProtocolNames.HTTP_1_1);
        } finally {
            client.close().sync();
            server.close().sync();
        }
    }

    private SslContext serverContext(boolean ours, String protocol) throws Exception {
        SslContextBuilder builder = SslContextBuilder.forServer(pki.keyManagerFactory()).sslProvider(SslProvider.JDK)
                .protocols(protocol).applicationProtocolConfig(alpn());
        if (ours) {
            builder.sslContextProvider(new TlsMachineProvider());
        }
        return builder.build();
    }

    private SslContext clientContext(boolean ours, String protocol) throws Exception {
        SslContextBuilder builder = SslContextBuilder.forClient().trustManager(pki.trustManagerFactory())
                .sslProvider(SslProvider.JDK).protocols(protocol).applicationProtocolConfig(alpn())
                .endpointIdentificationAlgorithm("HTTPS");
        if (ours) {
            builder.sslContextProvider(new TlsMachineProvider());
        }
        return builder.build();
    }

    private static ApplicationProtocolConfig alpn() {
        return new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_1_1);
    }

    /** Answers each request with "echo " and its body. */
    private static final class EchoHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            byte[] answer = ("echo " + request.content().toString(StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(answer));
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.length);
            ctx.writeAndFlush(response);
        }
    }
}
