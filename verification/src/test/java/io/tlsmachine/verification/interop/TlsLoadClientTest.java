package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.NioLimits;
import io.tlsmachine.TlsChunkHandler;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.TlsNioServer;
import io.tlsmachine.TlsServer;
import io.tlsmachine.model.ProtocolVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load client against an in-process {@link TlsNioServer}: it completes its phases, and fails when it must. */
class TlsLoadClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Answers a request with "pong" and closes (close_notify), as {@code tlsmachine server --www} does. */
    private static final TlsChunkHandler PONG = (session, chunk) -> {
        session.write("pong".getBytes(StandardCharsets.US_ASCII));
        session.close();
    };
    private static final TlsConfig CLIENT = InteropPki.EC.ourClient().versions(ProtocolVersion.TLS13).build();

    @Test
    void handshakesHoldsAndGetsAReplyOnEveryConnection() throws Exception {
        try (TlsNioServer server = start(NioLimits.defaults());
                TlsLoadClient client = new TlsLoadClient(address(server), () -> TlsEngine.client(CLIENT), 4)) {
            client.connect(12, TIMEOUT);
            assertThat(client.opened()).isEqualTo(12);
            client.hold(Duration.ofMillis(200), Duration.ofMillis(200));
            assertThat(server.openConnections()).isEqualTo(12);
            List<byte[]> replies = client.exchange("ping".getBytes(StandardCharsets.US_ASCII), TIMEOUT);
            assertThat(replies).hasSize(12)
                    .allSatisfy(reply -> assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("pong"));
        }
    }

    @Test
    void failsWhenTheServerEndsAnIdleConnection() throws Exception {
        NioLimits quickIdle = NioLimits.defaults().withTimeouts(TIMEOUT, Duration.ofMillis(500));
        try (TlsNioServer server = start(quickIdle);
                TlsLoadClient client = new TlsLoadClient(address(server), () -> TlsEngine.client(CLIENT), 4)) {
            client.connect(1, TIMEOUT); // one: the idle timeout cannot end it before connect returns
            assertThatThrownBy(() -> client.hold(Duration.ofSeconds(5), Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("(IDLE): the server sent close_notify");
        }
    }

    @Test
    void failsWhenAHandshakeFails() throws Exception {
        TlsConfig tls12Only = InteropPki.EC.ourClient().versions(ProtocolVersion.TLS12).build();
        try (TlsNioServer server = TlsNioServer.start(loopback(), InteropPki.EC.ourServer()
                        .versions(ProtocolVersion.TLS13).build(), PONG);
                TlsLoadClient client = new TlsLoadClient(address(server), () -> TlsEngine.client(tls12Only), 4)) {
            assertThatThrownBy(() -> client.connect(2, TIMEOUT)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("(HANDSHAKING): the engine failed");
        }
    }

    private static TlsNioServer start(NioLimits limits) throws Exception {
        return TlsNioServer.start(loopback(), InteropPki.EC.ourServer().build(), PONG, new TlsServer.Observer() { },
                limits);
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    private static InetSocketAddress address(TlsNioServer server) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
    }
}
