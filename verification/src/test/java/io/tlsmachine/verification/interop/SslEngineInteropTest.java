package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.engine.SslEnginePump;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.model.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our sans-IO engine against the JDK's and Bouncy Castle's {@link SSLEngine} in memory: both roles, both versions,
 * both certificate types; negotiated parameters agree on both sides, application data goes both ways, and
 * close_notify is seen by the other side.
 */
@Tag("slow")
class SslEngineInteropTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (JssePeer peer : JssePeer.values()) {
            for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
                for (InteropPki pki : InteropPki.values()) {
                    cases.add(Arguments.of(peer, version, pki));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void ourClientTalksToSslEngineServer(JssePeer peer, ProtocolVersion version, InteropPki pki) throws Exception {
        SSLEngine server = peer.context(pki, pki).createSSLEngine();
        server.setUseClientMode(false);
        server.setEnabledProtocols(new String[] {JssePeer.protocol(version)});
        TlsEngine ours = TlsEngine.client(pki.ourClient().versions(version).build());
        ours.beginHandshake();
        server.beginHandshake();
        SslEnginePump pump = new SslEnginePump(ours, server).run();
        assertAgreement(ours, server, version);
        exchangeAndClose(ours, server, pump);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void sslEngineClientTalksToOurServer(JssePeer peer, ProtocolVersion version, InteropPki pki) throws Exception {
        SSLEngine client = peer.context(pki, pki).createSSLEngine(InteropPki.HOST, 443);
        client.setUseClientMode(true);
        client.setEnabledProtocols(new String[] {JssePeer.protocol(version)});
        TlsEngine ours = TlsEngine.server(pki.ourServer().versions(version).build());
        client.beginHandshake();
        SslEnginePump pump = new SslEnginePump(ours, client).run();
        assertAgreement(ours, client, version);
        exchangeAndClose(ours, client, pump);
    }

    private static void assertAgreement(TlsEngine ours, SSLEngine peer, ProtocolVersion version) {
        assertThat(ours.isHandshakeComplete()).as("handshake: %s", ours.failure()).isTrue();
        NegotiatedParameters parameters = ours.negotiated().orElseThrow();
        assertThat(parameters.version()).isEqualTo(version);
        assertThat(peer.getSession().getProtocol()).isEqualTo(JssePeer.protocol(version));
        assertThat(peer.getSession().getCipherSuite()).isEqualTo(parameters.cipherSuite().name());
    }

    /** Data both ways, then our close_notify, which the SSLEngine must see as the end of its inbound side. */
    private static void exchangeAndClose(TlsEngine ours, SSLEngine peer, SslEnginePump pump) throws Exception {
        ours.writeApplicationData("from tlsmachine".getBytes(StandardCharsets.US_ASCII));
        pump.peerWrites("from jsse".getBytes(StandardCharsets.US_ASCII)).run();
        assertThat(new String(pump.takePeerReceived(), StandardCharsets.US_ASCII)).isEqualTo("from tlsmachine");
        assertThat(new String(ours.readApplicationData(), StandardCharsets.US_ASCII)).isEqualTo("from jsse");
        ours.close();
        pump.run();
        assertThat(peer.isInboundDone()).as("the SSLEngine saw our close_notify").isTrue();
        assertThat(ours.isClosed()).as("our engine is closed after close_notify").isTrue();
    }
}
