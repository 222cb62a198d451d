package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps the JSSE README's Java honest: each snippet of {@link JsseReadmeSnippets} appears in jsse/README.md verbatim,
 * and each runs on loopback (the frameworks' under the {@code slow} tag, like their interop tests).
 */
@Timeout(60)
class JsseReadmeSnippetsTest {
    private static final Path SNIPPETS = Path.of("src/test/java/io/tlsmachine/jsse/JsseReadmeSnippets.java");
    private static final Path README = Path.of("README.md");
    private static final Pattern BLOCK = Pattern.compile("(?s)    // README (\\w+)\\n(.*?)    // README end\\n");

    private final JssePki pki = new JssePki(CertificateKeyType.EC_P256);

    @Test
    void theReadmeShowsEverySnippetVerbatim() throws IOException {
        String readme = Files.readString(README);
        List<String> names = new ArrayList<>();
        Matcher block = BLOCK.matcher(Files.readString(SNIPPETS));
        while (block.find()) {
            names.add(block.group(1));
            assertThat(readme).as("README block %s", block.group(1)).contains(block.group(2).replaceAll("(?m)^    ", ""));
        }

        assertThat(names).containsExactly("provider", "netty", "httpclient", "jetty", "okhttp");
    }

    @Test
    void theContextOfTheProviderLineServesHttpClient() throws Exception {
        SSLContext context = JsseReadmeSnippets.context(pki.keyManagerFactory(), pki.trustManagerFactory());
        try (JdkHttpsServer server = new JdkHttpsServer(pki.jdk("TLS"))) {
            HttpResponse<String> response = JsseReadmeSnippets.get(context, URI.create("https://localhost:"
                    + server.port() + "/readme"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("echo ");
            assertThat(context.getProvider().getName()).isEqualTo(TlsMachineProvider.NAME);
            assertThat(context.getClientSessionContext().getSession(response.sslSession().orElseThrow().getId()))
                    .isInstanceOf(TlsMachineSession.class);
        }
    }

    @Test
    @Tag("slow")
    void theNettyServerRunsOurEngine() throws Exception {
        SslContext tls = JsseReadmeSnippets.nettyServer(pki.keyManagerFactory());
        try (NettyLoopback netty = new NettyLoopback()) {
            Channel server = netty.serve(channel -> channel.pipeline().addLast(tls.newHandler(channel.alloc()),
                    new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object message) {
                            ctx.writeAndFlush(message);
                        }
                    }));
            int port = NettyLoopback.port(server);
            try (SSLSocket client = (SSLSocket) pki.jdk("TLS").getSocketFactory().createSocket("localhost", port)) {
                client.getOutputStream().write("netty".getBytes(StandardCharsets.US_ASCII));

                assertThat(client.getInputStream().readNBytes(5)).isEqualTo("netty".getBytes(StandardCharsets.US_ASCII));
                assertThat(((JdkSslContext) tls).context().getProvider().getName()).isEqualTo(TlsMachineProvider.NAME);
                assertThat(Collections.list(((JdkSslContext) tls).context().getServerSessionContext().getIds())).hasSize(1);
            } finally {
                server.close().sync();
            }
        }
    }

    @Test
    @Tag("slow")
    void theJettyServerServesHttpClientOverOurContext() throws Exception {
        SSLContext context = JsseReadmeSnippets.context(pki.keyManagerFactory(), pki.trustManagerFactory());
        Server server = JsseReadmeSnippets.jetty(context, 0);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                    Callback callback) {
                Content.Sink.write(response, true, "jetty", callback);
                return true;
            }
        });
        server.start();
        try {
            int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            HttpResponse<String> response = JsseReadmeSnippets.get(pki.jdk("TLS"), URI.create("https://localhost:"
                    + port + "/"));

            assertThat(response.body()).isEqualTo("jetty");
            assertThat(Collections.list(context.getServerSessionContext().getIds())).hasSize(1);
        } finally {
            server.stop();
        }
    }

    @Test
    @Tag("slow")
    void okHttpConnectsOverOurSocketFactory() throws Exception {
        SSLContext context = JsseReadmeSnippets.context(pki.keyManagerFactory(), pki.trustManagerFactory());
        OkHttpClient client = JsseReadmeSnippets.okHttp(context, pki.trustManager());
        try (JdkHttpsServer server = new JdkHttpsServer(pki.jdk("TLS"));
                Response response = client.newCall(new Request.Builder().url("https://localhost:" + server.port()
                        + "/").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).isEqualTo("echo ");
            assertThat(context.getClientSessionContext().getIds().hasMoreElements()).isTrue();
        } finally {
            client.connectionPool().evictAll();
            client.dispatcher().executorService().shutdown();
        }
    }
}
