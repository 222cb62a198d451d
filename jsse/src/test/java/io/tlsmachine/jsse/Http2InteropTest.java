package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamFrame;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HTTP/2 chosen by ALPN: the JDK's HttpClient (HTTP_2) over our SSLContext or the JDK's, to a Netty 4.2 HTTP/2 server
 * whose SslHandler runs our engine or the JDK's; the server's choice of h2 goes through the engine's ALPN selector.
 */
@Tag("slow")
@Timeout(60)
class Http2InteropTest {
    private final NettyLoopback netty = new NettyLoopback();
    private final JssePki pki = new JssePki(CertificateKeyType.EC_P256);

    @AfterEach
    void stop() {
        netty.close();
    }

    @ParameterizedTest(name = "client {0}, server {1}")
    @CsvSource({"ours, ours", "ours, JDK", "JDK, ours"})
    void httpClientTalksH2ToNettyAfterAlpn(String clientSide, String serverSide) throws Exception {
        SslContextBuilder builder = SslContextBuilder.forServer(pki.keyManagerFactory()).sslProvider(SslProvider.JDK)
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
        if (serverSide.equals("ours")) {
            builder.sslContextProvider(new TlsMachineProvider());
        }
        SslContext serverContext = builder.build();
        CompletableFuture<String> serverProtocol = new CompletableFuture<>();
        Channel server = netty.serve(channel -> channel.pipeline().addLast(serverContext.newHandler(channel.alloc()),
                new ApplicationProtocolNegotiationHandler("none") {
                    @Override
                    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                        serverProtocol.complete(protocol);
                        ctx.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(),
                                new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
                                    @Override
                                    protected void initChannel(Channel stream) {
                                        stream.pipeline().addLast(new StreamEcho());
                                    }
                                }));
                    }
                }));
        try {
            int port = NettyLoopback.port(server);
            SSLContext clientContext = clientSide.equals("ours") ? pki.ours("TLS") : pki.jdk("TLS");
            HttpClient client = HttpClient.newBuilder().sslContext(clientContext).version(HttpClient.Version.HTTP_2)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String body = "h2 ".repeat(10_000);

            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port
                    + "/")).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(response.body()).isEqualTo("echo " + body);
            assertThat(serverProtocol.get(10, TimeUnit.SECONDS)).isEqualTo(ApplicationProtocolNames.HTTP_2);
            SSLSession seen = response.sslSession().orElseThrow();
            if (clientSide.equals("ours")) {
                assertThat(clientContext.getClientSessionContext().getSession(seen.getId()))
                        .isInstanceOf(TlsMachineSession.class);
            } else {
                SSLContext ours = ((JdkSslContext) serverContext).context();
                assertThat(ours.getProvider().getName()).isEqualTo(TlsMachineProvider.NAME);
                assertThat(java.util.Collections.list(ours.getServerSessionContext().getIds())).isNotEmpty();
            }
        } finally {
            server.close().sync();
        }
    }

    /** Collects one stream's request body and answers 200 with "echo " and the body. */
    private static final class StreamEcho extends SimpleChannelInboundHandler<Http2StreamFrame> {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) {
            boolean end = false;
            if (frame instanceof Http2HeadersFrame headers) {
                end = headers.isEndStream();
            } else if (frame instanceof Http2DataFrame data) {
                byte[] bytes = new byte[data.content().readableBytes()];
                data.content().readBytes(bytes);
                body.writeBytes(bytes);
                end = data.isEndStream();
            }
            if (end) {
                ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")));
                byte[] answer = ("echo " + body.toString(java.nio.charset.StandardCharsets.UTF_8))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(answer), true));
            }
        }
    }
}
