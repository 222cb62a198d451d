package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.impl.codec.message.HandshakeMessage;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.Reason;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A hostile client for the conformance tests: our real client's ClientHello, decoded with the real codec, changed
 * in one field and re-encoded, fed to a real server engine; and the assertions on what the server answered.
 */
final class HostileHellos {

    private static final HexFormat HEX = HexFormat.of();

    private HostileHellos() {
    }

    /** Returns the server after it read our client's ClientHello (built from {@code client}) as {@code rewrite} left it. */
    static TlsEngine serverAfter(TlsConfig client, TlsConfig server, UnaryOperator<ClientHello> rewrite) {
        TlsEngine clientEngine = TlsEngine.client(client);
        clientEngine.beginHandshake();
        TlsEngine serverEngine = TlsEngine.server(server);
        serverEngine.feed(EngineFixtures.rewriteClientHello(clientEngine.drainOutbound(), rewrite));
        return serverEngine;
    }

    /** Asserts the server failed for {@code reason} and sent exactly one plaintext fatal {@code alert}. */
    static void assertRejected(TlsEngine server, Reason reason, AlertDescription alert) {
        assertThat(server.isFailed()).as("failed, state %s", server.state()).isTrue();
        assertThat(server.failure().orElseThrow().reason()).as("%s", server.failure().orElseThrow().getMessage())
                .isEqualTo(reason);
        assertThat(HEX.formatHex(server.drainOutbound())).as("one fatal alert")
                .isEqualTo("150303000202" + String.format("%02x", alert.code()));
    }

    /** Asserts the server answered with a ServerHello (it did not fail) and returns that ServerHello. */
    static ServerHello assertAnswered(TlsEngine server) {
        HandshakeMessage first = assertAnsweredWith(server);
        assertThat(first).as("a ServerHello").isInstanceOf(ServerHello.class);
        return (ServerHello) first;
    }

    /** Asserts the server did not fail and returns the first handshake message it sent. */
    static HandshakeMessage assertAnsweredWith(TlsEngine server) {
        assertThat(server.isFailed()).as("not failed: %s", server.failure().map(Throwable::getMessage).orElse(""))
                .isFalse();
        byte[] sent = server.drainOutbound();
        assertThat(sent.length).as("something sent").isGreaterThan(9);
        assertThat(sent[0]).as("a handshake record").isEqualTo((byte) 22);
        ByteReader in = ByteReader.of(sent);
        in.bytes("record header", 5);
        int length = ((sent[6] & 0xFF) << 16) | ((sent[7] & 0xFF) << 8) | (sent[8] & 0xFF);
        byte[] message = in.bytes("first message", 4 + length);
        return HandshakeCodec.decode(message, DecodeContext.beforeNegotiation(Role.SERVER));
    }

    /** Returns {@code hello} with another extension list. */
    static ClientHello withExtensions(ClientHello hello, List<Extension> extensions) {
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                hello.legacyCompressionMethods(), extensions);
    }

    /** Returns {@code hello} without the extensions {@code drop} accepts. */
    static ClientHello without(ClientHello hello, Predicate<Extension> drop) {
        return withExtensions(hello, hello.extensions().stream().filter(drop.negate()).toList());
    }

    /** Returns {@code hello} with each extension {@code replace} accepts replaced by {@code by}. */
    static ClientHello replacing(ClientHello hello, Predicate<Extension> replace, Extension by) {
        List<Extension> extensions = new ArrayList<>();
        for (Extension e : hello.extensions()) {
            extensions.add(replace.test(e) ? by : e);
        }
        return withExtensions(hello, extensions);
    }
}
