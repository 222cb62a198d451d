package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.Cookie;
import io.tlsmachine.impl.codec.extension.EarlyData;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.Padding;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HelloRetryRequest cookies (RFC 8446 §4.2.2) and the server's check that the second ClientHello changes only what
 * RFC 8446 §4.1.2 allows.
 */
class HelloRetryCookieTest {

    /** A client whose first share (X25519) the server, which takes only P-256, must retry. */
    private static TlsConfig client() {
        return EngineFixtures.client(EC).groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1)
                .keyShareGroups(KeyExchangeGroup.X25519).applicationProtocols("h2").build();
    }

    private static TlsConfig server(boolean cookies) {
        return EngineFixtures.server(EC).groups(KeyExchangeGroup.SECP256R1).applicationProtocols("h2")
                .helloRetryCookies(cookies).build();
    }

    /** Runs ClientHello1 and HelloRetryRequest; returns the client's second flight. */
    private static byte[] untilSecondClientHello(EngineFixtures.Pair pair) {
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        pair.client.feed(pair.server.drainOutbound());
        assertThat(pair.server.state()).isNotEqualTo(ServerState.FAILED);
        return pair.client.drainOutbound();
    }

    /** Returns the flight with its one handshake record (ClientHello2) rewritten; other records (a CCS) are kept. */
    private static byte[] rewriteHello(byte[] flight, UnaryOperator<ClientHello> rewrite) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < flight.length; ) {
            int end = at + 5 + (((flight[at + 3] & 0xFF) << 8) | (flight[at + 4] & 0xFF));
            byte[] record = Arrays.copyOfRange(flight, at, end);
            out.writeBytes(record[0] == 22 ? EngineFixtures.rewriteClientHello(record, rewrite) : record);
            at = end;
        }
        return out.toByteArray();
    }

    private static ClientHello secondHello(byte[] flight) {
        ClientHello[] found = new ClientHello[1];
        rewriteHello(flight, hello -> {
            found[0] = hello;
            return hello;
        });
        return found[0];
    }

    private static ClientHello withExtensions(ClientHello hello, List<Extension> extensions) {
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                hello.legacyCompressionMethods(), extensions);
    }

    private static UnaryOperator<ClientHello> adding(Extension extension) {
        return hello -> {
            List<Extension> extensions = new ArrayList<>(hello.extensions());
            extensions.add(extension);
            return withExtensions(hello, extensions);
        };
    }

    private static UnaryOperator<ClientHello> mappingCookie(UnaryOperator<Optional<Cookie>> change) {
        return hello -> {
            List<Extension> extensions = new ArrayList<>(hello.extensions().stream().filter(e -> !(e instanceof Cookie)).toList());
            change.apply(hello.extension(Cookie.class)).ifPresent(extensions::add);
            return withExtensions(hello, extensions);
        };
    }

    @Test
    void serverWithCookiesSendsOneTheClientEchoesAndTheHandshakeCompletes() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client(), server(true));
        byte[] second = untilSecondClientHello(pair);
        assertThat(secondHello(second).extension(Cookie.class)).hasValueSatisfying(c -> assertThat(c.cookie().length()).isEqualTo(32));
        pair.server.feed(second);
        pair.pump();
        assertThat(pair.client.state()).isEqualTo(ClientState.CONNECTED);
        assertThat(pair.server.state()).isEqualTo(ServerState.CONNECTED);
        assertThat(pair.client.facts().helloRetryRequested()).isTrue();
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void serverWithoutCookiesSendsNone() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client(), server(false));
        assertThat(secondHello(untilSecondClientHello(pair)).extension(Cookie.class)).isEmpty();
    }

    static Stream<Arguments> illegalChanges() {
        return Stream.of(
                Arguments.of("another random", (UnaryOperator<ClientHello>) h -> new ClientHello(h.legacyVersion(),
                        Opaque.of(new byte[32]), h.legacySessionId(), h.cipherSuites(), h.legacyCompressionMethods(), h.extensions()),
                        true),
                Arguments.of("one cipher suite fewer", (UnaryOperator<ClientHello>) h -> new ClientHello(h.legacyVersion(),
                        h.random(), h.legacySessionId(), h.cipherSuites().subList(0, h.cipherSuites().size() - 1),
                        h.legacyCompressionMethods(), h.extensions()), true),
                Arguments.of("signature_algorithms dropped", (UnaryOperator<ClientHello>) h -> EngineFixtures.withoutExtensions(h,
                        e -> e instanceof SignatureAlgorithms, null), true),
                Arguments.of("early_data added", adding(new EarlyData()), true),
                Arguments.of("cookie changed", mappingCookie(c -> c.map(x -> new Cookie(Opaque.of(new byte[32])))), true),
                Arguments.of("cookie removed", mappingCookie(c -> Optional.empty()), true),
                Arguments.of("cookie the server never sent", mappingCookie(c -> Optional.of(new Cookie(Opaque.of(new byte[8])))),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illegalChanges")
    void secondClientHelloChangedBeyondWhatTheRfcAllowsIsIllegalParameter(String change, UnaryOperator<ClientHello> rewrite,
            boolean cookies) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client(), server(cookies));
        pair.server.feed(rewriteHello(untilSecondClientHello(pair), rewrite));
        assertThat(pair.server.state()).isEqualTo(ServerState.FAILED);
        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.ILLEGAL_HELLO_RETRY);
        byte[] sent = pair.server.drainOutbound();
        assertThat(sent).as("one plaintext illegal_parameter alert")
                .isEqualTo(new byte[] {21, 3, 3, 0, 2, 2, (byte) AlertDescription.ILLEGAL_PARAMETER.code()});
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void paddingMayChangeInTheSecondClientHello() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client(), server(true));
        pair.server.feed(rewriteHello(untilSecondClientHello(pair), adding(Padding.zeros(40))));
        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.server.drainOutbound()).as("the server answers with its ServerHello flight").isNotEmpty();
        pair.assertTracesArePathsOfTheModel();
    }
}
