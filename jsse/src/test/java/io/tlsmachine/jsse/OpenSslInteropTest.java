package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OpenSSL 3's {@code s_server} and {@code s_client} on loopback against programs running on our provider: the JDK's
 * HttpClient (OpenSSL's status page, resumption through our client context, client authentication) and Netty 4.2's
 * SslHandler as client (refusing certificates too) and server, each side closing in turn.
 */
@Tag("slow")
@Timeout(120)
class OpenSslInteropTest {
    private static final Pattern ACCEPT = Pattern.compile("ACCEPT [^\\n]*:(\\d+)");
    private static final JssePki pki = new JssePki(CertificateKeyType.EC_P256);
    private static final NettyLoopback netty = new NettyLoopback();
    @TempDir
    static Path dir;
    private static JssePki.PemFiles pem;

    @BeforeAll
    static void writePemFilesForOpenSsl() {
        pem = pki.writePem(dir);
    }

    @AfterAll
    static void stopNetty() {
        netty.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void httpClientGetsOpenSslsStatusPageAndResumesThroughOurClientContext(String protocol) throws Exception {
        SSLContext ours = pki.ours("TLS");
        try (ExternalProgram server = ExternalProgram.start(sServer(protocol, "-www", "-naccept", "2"))) {
            int port = accepting(server);

            HttpResponse<String> first = get(ours, "localhost", port);
            HttpResponse<String> second = get(ours, "localhost", port);

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).contains("New, " + protocol).contains("no client certificate available");
            assertThat(second.body()).contains("Reused, " + protocol);
            assertThat(second.sslSession().orElseThrow().getId()).isEqualTo(first.sslSession().orElseThrow().getId());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void httpClientAuthenticatesToOpenSslWithTheKeyManagersCertificate(String protocol) throws Exception {
        try (ExternalProgram server = ExternalProgram.start(sServer(protocol, "-www", "-naccept", "1", "-Verify", "1",
                "-CAfile", pem.root().toString()))) {
            HttpResponse<String> response = get(pki.ours("TLS"), "localhost", accepting(server));

            assertThat(response.body()).contains("Client certificate").containsPattern("CN ?= ?" + JssePki.HOST)
                    .doesNotContain("no client certificate available");
        }
    }

    /**
     * A failed certificate check against s_server, through Netty's client on our engine: a host name the certificate
     * does not name, or a root the trust manager does not hold; the handshake fails with SSLHandshakeException and
     * s_server reads our certificate_unknown. (HttpClient, on such a failure, may close the connection before sending
     * the engine's alert and report the transport's end first: HttpClientInteropTest checks it against the JDK's
     * HTTPS server.)
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "127.0.0.1, ours,    No subject alternative names matching IP address 127.0.0.1",
        "localhost, another, does not chain with any of the trust anchors",
    })
    void nettyClientOnOurEngineRefusesOpenSslsCertificate(String host, String trusted, String why) throws Exception {
        JssePki trust = trusted.equals("ours") ? pki : new JssePki(CertificateKeyType.EC_P256);
        SslContext context = SslContextBuilder.forClient().trustManager(trust.trustManagerFactory())
                .sslProvider(SslProvider.JDK).sslContextProvider(new TlsMachineProvider())
                .endpointIdentificationAlgorithm("HTTPS").build();
        try (ExternalProgram server = ExternalProgram.start(sServer("TLSv1.3", "-naccept", "1"))) {
            int port = accepting(server);
            Channel client = netty.connect(port, channel -> channel.pipeline()
                    .addLast(context.newHandler(channel.alloc(), host, port)));
            SslHandler tls = client.pipeline().get(SslHandler.class);

            assertThat(tls.handshakeFuture().await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(tls.handshakeFuture().cause()).isInstanceOf(SSLHandshakeException.class).hasMessageContaining(why);
            server.awaitOutput(out -> out.contains("alert certificate unknown"));
            client.close().sync();
        }
    }

    /** Netty's client on our engine and s_server exchange a line each way; the client closes and s_server ends. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void nettyClientOnOurEngineTalksToOpenSslServerAndClosesFirst(String protocol) throws Exception {
        SslContext context = SslContextBuilder.forClient().trustManager(pki.trustManagerFactory())
                .sslProvider(SslProvider.JDK).sslContextProvider(new TlsMachineProvider()).protocols(protocol)
                .endpointIdentificationAlgorithm("HTTPS").build();
        try (ExternalProgram server = ExternalProgram.start(sServer(protocol, "-naccept", "1"))) {
            int port = accepting(server);
            Lines received = new Lines();
            Channel client = netty.connect(port, channel -> channel.pipeline()
                    .addLast(context.newHandler(channel.alloc(), JssePki.HOST, port), received));
            SslHandler tls = client.pipeline().get(SslHandler.class);
            tls.handshakeFuture().get(10, TimeUnit.SECONDS);

            client.writeAndFlush(Unpooled.copiedBuffer("hello from netty\n", StandardCharsets.US_ASCII)).sync();
            server.awaitOutput(out -> out.contains("hello from netty"));
            server.send("hello from openssl\n");
            assertThat(received.next()).isEqualTo("hello from openssl\n");
            assertThat(tls.engine().getSession().getProtocol()).isEqualTo(protocol);
            tls.closeOutbound().sync();
            client.close().sync();

            assertThat(server.awaitExit(ExternalProgram.TIMEOUT)).as("s_server ends after our close_notify: %s",
                    server.output()).isTrue();
            assertThat(server.output()).contains("DONE");
        }
    }

    /**
     * s_client and Netty's echo server on our engine exchange a line; then one side closes: s_client (ending its
     * input sends close_notify, which our engine reads) or our server (whose close_notify ends s_client).
     */
    @ParameterizedTest(name = "{0}, {1} closes")
    @CsvSource({"TLSv1.3, client", "TLSv1.3, server", "TLSv1.2, client", "TLSv1.2, server"})
    void opensslClientTalksToNettyServerOnOurEngineAndEitherSideCloses(String protocol, String closer) throws Exception {
        SslContext context = SslContextBuilder.forServer(pki.keyManagerFactory()).sslProvider(SslProvider.JDK)
                .sslContextProvider(new TlsMachineProvider()).protocols(protocol).build();
        BlockingQueue<SslHandler> accepted = new LinkedBlockingQueue<>();
        boolean serverCloses = closer.equals("server");
        Channel server = netty.serve(channel -> {
            SslHandler tls = context.newHandler(channel.alloc());
            accepted.add(tls);
            channel.pipeline().addLast(tls, new Echo(serverCloses));
        });
        int port = NettyLoopback.port(server);
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", JssePki.HOST, "-verify_hostname", JssePki.HOST, "-CAfile", pem.root().toString(),
                "-verify_return_error", versionOption(protocol)));
        if (serverCloses) {
            command.add("-ign_eof");
        }
        try (ExternalProgram client = ExternalProgram.start(command)) {
            client.send("hello from openssl\n");
            client.awaitOutput(out -> out.contains("echo: hello from openssl"));
            SslHandler tls = accepted.poll(10, TimeUnit.SECONDS);
            assertThat(tls.engine()).isInstanceOf(TlsMachineEngine.class);
            if (!serverCloses) {
                client.endInput();
                assertThat(tls.sslCloseFuture().await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(tls.sslCloseFuture().isSuccess()).as("our engine read s_client's close_notify").isTrue();
            }

            assertThat(client.awaitExit(ExternalProgram.TIMEOUT)).as("s_client ends: %s", client.output()).isTrue();
            assertThat(client.output()).contains("Verification: OK").contains("New, " + protocol);
        } finally {
            server.close().sync();
        }
    }

    private static List<String> sServer(String protocol, String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0",
                "-cert", pem.leaf().toString(), "-cert_chain", pem.intermediate().toString(), "-key", pem.key().toString(),
                versionOption(protocol)));
        command.addAll(List.of(arguments));
        return command;
    }

    private static String versionOption(String protocol) {
        return protocol.equals("TLSv1.3") ? "-tls1_3" : "-tls1_2";
    }

    /** Waits until s_server says where it accepts, and returns that port. */
    private static int accepting(ExternalProgram server) throws InterruptedException {
        server.awaitOutput(out -> ACCEPT.matcher(out).find());
        Matcher port = ACCEPT.matcher(server.output());
        assertThat(port.find()).isTrue();
        return Integer.parseInt(port.group(1));
    }

    /** GETs https://{@code host}:{@code port}/ with a new HttpClient over {@code context}. */
    private static HttpResponse<String> get(SSLContext context, String host, int port) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://" + host + ":" + port + "/"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What a Netty client received, chunk by chunk. */
    private static final class Lines extends SimpleChannelInboundHandler<ByteBuf> {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf bytes) {
            received.add(bytes.toString(StandardCharsets.US_ASCII));
        }

        String next() throws InterruptedException {
            return received.poll(10, TimeUnit.SECONDS);
        }
    }

    /** Answers each chunk with "echo: " and the chunk; with {@code closeAfter}, then closes (close_notify first). */
    private static final class Echo extends SimpleChannelInboundHandler<ByteBuf> {
        private final boolean closeAfter;

        Echo(boolean closeAfter) {
            this.closeAfter = closeAfter;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf bytes) {
            ByteBuf answer = Unpooled.copiedBuffer("echo: " + bytes.toString(StandardCharsets.US_ASCII),
                    StandardCharsets.US_ASCII);
            if (closeAfter) {
                ctx.writeAndFlush(answer).addListener(written -> ctx.pipeline().get(SslHandler.class).closeOutbound()
                        .addListener(closed -> ctx.close()));
            } else {
                ctx.writeAndFlush(answer);
            }
        }
    }
}
