package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.Reason;
import io.tlsmachine.model.ProtocolVersion;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 8446 §5: "An implementation which receives any other change_cipher_spec value or which receives a protected
 * change_cipher_spec record MUST abort the handshake with an "unexpected_message" alert." Any content but the single
 * byte 0x01 (empty, longer, another value) is unexpected_message in TLS 1.3, and the same in TLS 1.2 (RFC 5246 §7.1
 * defines the one value; OpenSSL, Go and NSS send unexpected_message for the others too).
 */
class ChangeCipherSpecConformanceTest {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<String> badContents() {
        return Stream.of("", "0101", "02", "00", "010000");
    }

    /** TLS 1.3: the server, after the ClientHello, reads a middlebox-compatibility ChangeCipherSpec with bad content. */
    @ParameterizedTest(name = "content [{0}]")
    @MethodSource("badContents")
    void tls13ServerAnswersABadChangeCipherSpecWithUnexpectedMessage(String content) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(),
                EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        pair.client.feed(pair.server.drainOutbound());
        pair.server.feed(TestRecords.plaintext(20, HEX.parseHex(content)));
        assertFailedAndPeerReads(pair.server, pair.client, reasonFor(content), AlertDescription.UNEXPECTED_MESSAGE);
    }

    /** TLS 1.2: the client's ChangeCipherSpec after ClientKeyExchange, with bad content. */
    @ParameterizedTest(name = "content [{0}]")
    @MethodSource("badContents")
    void tls12ServerAnswersABadChangeCipherSpecWithUnexpectedMessage(String content) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(),
                EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        pair.client.feed(pair.server.drainOutbound());
        List<byte[]> flight = TestRecords.split(pair.client.drainOutbound());
        assertThat(flight.get(1)[0]).as("ClientKeyExchange, then ChangeCipherSpec").isEqualTo((byte) 20);
        pair.server.feed(flight.get(0));
        pair.server.feed(TestRecords.plaintext(20, HEX.parseHex(content)));
        assertThat(pair.server.isFailed()).isTrue();
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(reasonFor(content));
        assertThat(HEX.formatHex(pair.server.drainOutbound())).isEqualTo("1503030002020a");
    }

    /**
     * RFC 5246 §7.1: ChangeCipherSpec follows the key exchange; before the ServerHello it is a message out of order
     * (RFC 5246 §7.2.2 unexpected_message) for a client that offered only TLS 1.2, which RFC 8446 §5's drop does not
     * cover (it is for TLS 1.3 endpoints).
     */
    @Test
    void tls12OnlyClientAnswersAChangeCipherSpecBeforeTheServerHelloWithUnexpectedMessage() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(),
                EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        byte[] serverFlight = pair.server.drainOutbound();
        pair.client.feed(TestRecords.plaintext(20, new byte[] {1}));
        assertThat(serverFlight).isNotEmpty();
        assertFailedAndPeerReads(pair.client, pair.server, Reason.UNEXPECTED_MESSAGE, AlertDescription.UNEXPECTED_MESSAGE);
    }

    /** RFC 8446 §5: a client that offered TLS 1.3 drops the same record, and the handshake (here TLS 1.2) goes on. */
    @Test
    void clientThatOfferedTls13DropsAChangeCipherSpecBeforeTheServerHelloAndCompletesTheHandshake() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(),
                EngineFixtures.server(EC).versions(ProtocolVersion.TLS12).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        pair.client.feed(TestRecords.plaintext(20, new byte[] {1}));
        assertThat(pair.client.isFailed()).as("failed: %s", pair.client.failure()).isFalse();
        pair.client.feed(pair.server.drainOutbound());
        pair.pump();
        assertThat(pair.client.isHandshakeComplete()).isTrue();
        assertThat(pair.server.isHandshakeComplete()).isTrue();
    }

    /** An empty record is refused by the record layer (RFC 5246 §6.2.1), with the same alert. */
    private static Reason reasonFor(String content) {
        return content.isEmpty() ? Reason.ZERO_LENGTH_FRAGMENT : Reason.UNEXPECTED_MESSAGE;
    }

    /** Asserts {@code failed} failed for {@code reason} and its one alert, read by {@code peer}, is {@code alert}. */
    static void assertFailedAndPeerReads(TlsEngine failed, TlsEngine peer, Reason reason, AlertDescription alert) {
        assertThat(failed.isFailed()).as("failed, state %s", failed.state()).isTrue();
        assertThat(failed.failure().orElseThrow().reason()).as("%s", failed.failure().orElseThrow().getMessage())
                .isEqualTo(reason);
        byte[] sent = failed.drainOutbound();
        assertThat(TestRecords.split(sent)).as("one record").hasSize(1);
        peer.feed(sent);
        assertThat(peer.receivedAlert().orElseThrow().description()).isEqualTo(alert);
    }
}
