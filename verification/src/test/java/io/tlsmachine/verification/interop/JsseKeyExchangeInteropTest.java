package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.model.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The opt-in TLS 1.2 DHE_RSA and RSA key transport suites with the JDK's TLS and Bouncy Castle's JSSE, both roles,
 * over sockets on 127.0.0.1. The suites are enabled per socket through {@code SSLParameters}; this JDK's
 * {@code jdk.tls.disabledAlgorithms} does not list TLS_RSA_* (later JDKs do: there the RSA rows need that property
 * changed, which is JVM-wide). DHE uses the RFC 7919 groups both ways (JSSE lists ffdhe2048 first).
 */
@Tag("slow")
class JsseKeyExchangeInteropTest {

    static Stream<Arguments> peersAndSuites() {
        List<Arguments> cases = new ArrayList<>();
        for (JssePeer peer : JssePeer.values()) {
            for (KeyExchangeSuite suite : KeyExchangeSuite.values()) {
                cases.add(Arguments.of(peer, suite));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peersAndSuites")
    void ourClientNegotiatesWithJsseServer(JssePeer peer, KeyExchangeSuite suite) throws Exception {
        TlsConfig client = InteropPki.RSA.ourClient().versions(ProtocolVersion.TLS12).cipherSuites(suite.suite()).build();
        try (JsseServer server = new JsseServer(peer.context(InteropPki.RSA, InteropPki.RSA), ProtocolVersion.TLS12,
                List.of(suite.jsse()), false, 1)) {
            OurClient.Echoed echoed = OurClient.echo(server.port(), client, List.of("hello from us"), false);
            assertThat(echoed.received()).isEqualTo("echo: hello from us\n");
            assertThat(echoed.closed()).as("the JSSE server's close_notify arrived").isTrue();
            assertThat(echoed.parameters().cipherSuite()).isEqualTo(suite.suite());
            if (suite.dhe()) {
                assertThat(echoed.parameters().group()).contains(KeyExchangeGroup.FFDHE2048);
            }
            JsseServer.Served served = server.next();
            assertThat(served.checkedSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(served.session().getCipherSuite()).isEqualTo(suite.jsse());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peersAndSuites")
    void jsseClientNegotiatesWithOurServer(JssePeer peer, KeyExchangeSuite suite) throws Exception {
        TlsConfig config = InteropPki.RSA.ourServer().versions(ProtocolVersion.TLS12).cipherSuites(suite.suite()).build();
        try (OurServer server = new OurServer(config, 1, false)) {
            JssePeer.ClientResult result = JssePeer.echo(peer.context(InteropPki.RSA, InteropPki.RSA), server.port(),
                    ProtocolVersion.TLS12, List.of(suite.jsse()), List.of("hello from jsse"));
            assertThat(result.echoes()).containsExactly("echo: hello from jsse");
            assertThat(result.endOfStream()).as("our close_notify ends the stream").isTrue();
            assertThat(result.session().getCipherSuite()).isEqualTo(suite.jsse());
            OurServer.Served served = server.next();
            assertThat(served.parameters().cipherSuite()).isEqualTo(suite.suite());
            if (suite.dhe()) {
                assertThat(served.parameters().group()).contains(KeyExchangeGroup.FFDHE2048);
            }
            assertThat(served.closed()).isTrue();
        }
    }
}
