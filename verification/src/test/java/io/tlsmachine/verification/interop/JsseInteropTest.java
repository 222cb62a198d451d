package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.ServerSessionCache;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.model.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our client and server against the JDK's TLS and Bouncy Castle's JSSE provider over sockets on 127.0.0.1: a
 * cross-section of suites and groups (every suite; every group at least once per version; both certificate
 * types), a HelloRetryRequest from our server, client authentication, resumption, KeyUpdate and close_notify.
 */
@Tag("slow")
class JsseInteropTest {

    /** Every suite once per peer, each with a group taken in turn so that every group of the version appears. */
    static Stream<Arguments> crossSection() {
        List<Arguments> cases = new ArrayList<>();
        for (JssePeer peer : JssePeer.values()) {
            for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
                List<InteropSuite> suites = InteropSuite.of(version);
                List<InteropGroup> groups = InteropGroup.of(version);
                int rounds = Math.max(1, (groups.size() + suites.size() - 1) / suites.size());
                for (int i = 0; i < suites.size() * rounds; i++) {
                    InteropSuite suite = suites.get(i % suites.size());
                    cases.add(Arguments.of(peer, suite, groups.get(i % groups.size()),
                            suite.pki(InteropPki.values()[i % 2])));
                }
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> peersAndVersions() {
        List<Arguments> cases = new ArrayList<>();
        for (JssePeer peer : JssePeer.values()) {
            for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
                cases.add(Arguments.of(peer, version));
            }
        }
        return cases.stream();
    }

    /**
     * Resumption cases the peers support: Bouncy Castle's JSSE 1.84 does not resume TLS 1.3 sessions, not even
     * with itself (checked: a BCJSSE client and server pair makes a new session every time).
     */
    static Stream<Arguments> jsseClientResumptions() {
        return Stream.of(Arguments.of(JssePeer.JDK, ProtocolVersion.TLS13), Arguments.of(JssePeer.JDK, ProtocolVersion.TLS12),
                Arguments.of(JssePeer.BOUNCY_CASTLE, ProtocolVersion.TLS12));
    }

    /**
     * As {@link #jsseClientResumptions()}: our client sends psk_key_exchange_modes in every TLS 1.3 ClientHello when it
     * keeps tickets, so the JDK server issues a NewSessionTicket (RFC 8446 §4.2.9).
     */
    static Stream<Arguments> ourClientResumptions() {
        return jsseClientResumptions();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("crossSection")
    void ourClientNegotiatesWithJsseServer(JssePeer peer, InteropSuite suite, InteropGroup group, InteropPki pki)
            throws Exception {
        TlsConfig client = pki.ourClient().versions(suite.version()).cipherSuites(suite.suite())
                .groups(withCertificateCurve(suite, group)).keyShareGroups(group.group()).build();
        try (JsseServer server = new JsseServer(peer.context(pki, pki), suite.version(), List.of(suite.jsse()), false, 1)) {
            OurClient.Echoed echoed = OurClient.echo(server.port(), client, List.of("hello from us"), false);
            assertThat(echoed.received()).isEqualTo("echo: hello from us\n");
            assertThat(echoed.closed()).as("the JSSE server's close_notify arrived").isTrue();
            assertThat(echoed.parameters().version()).isEqualTo(suite.version());
            assertThat(echoed.parameters().cipherSuite()).isEqualTo(suite.suite());
            assertThat(echoed.parameters().group()).contains(group.group());
            JsseServer.Served served = server.next();
            assertThat(served.checkedSession().getProtocol()).isEqualTo(JssePeer.protocol(suite.version()));
            assertThat(served.session().getCipherSuite()).isEqualTo(suite.jsse());
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("crossSection")
    void jsseClientNegotiatesWithOurServer(JssePeer peer, InteropSuite suite, InteropGroup group, InteropPki pki)
            throws Exception {
        // Our server accepts one group only: when the JSSE client sent no share for it, we send HelloRetryRequest.
        TlsConfig config = pki.ourServer().versions(suite.version()).cipherSuites(suite.suite()).groups(group.group())
                .build();
        try (OurServer server = new OurServer(config, 1, false)) {
            JssePeer.ClientResult result = JssePeer.echo(peer.context(pki, pki), server.port(), suite.version(),
                    List.of(suite.jsse()), List.of("hello from jsse"));
            assertThat(result.echoes()).containsExactly("echo: hello from jsse");
            assertThat(result.endOfStream()).as("our close_notify ends the stream").isTrue();
            assertThat(result.session().getProtocol()).isEqualTo(JssePeer.protocol(suite.version()));
            assertThat(result.session().getCipherSuite()).isEqualTo(suite.jsse());
            OurServer.Served served = server.next();
            assertThat(served.parameters().cipherSuite()).isEqualTo(suite.suite());
            assertThat(served.parameters().group()).contains(group.group());
            assertThat(served.closed()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(JssePeer.class)
    void ourServerSendsHelloRetryRequestToJsseClient(JssePeer peer) throws Exception {
        ProtocolVersion version = ProtocolVersion.TLS13;
        TlsConfig config = InteropPki.EC.ourServer().versions(version).groups(KeyExchangeGroup.SECP384R1).build();
        try (OurServer server = new OurServer(config, 1, false)) {
            JssePeer.ClientResult result = JssePeer.echo(peer.context(InteropPki.EC, InteropPki.EC), server.port(),
                    version, List.of(), List.of("retry"));
            assertThat(result.echoes()).containsExactly("echo: retry");
            OurServer.Served served = server.next();
            assertThat(served.facts().helloRetryRequested()).isTrue();
            assertThat(served.parameters().group()).contains(KeyExchangeGroup.SECP384R1);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peersAndVersions")
    void ourClientAuthenticatesToJsseServer(JssePeer peer, ProtocolVersion version) throws Exception {
        // The server (RSA) trusts the EC root, which issued our client certificate.
        TlsConfig client = InteropPki.RSA.ourClient().versions(version)
                .certifiedKey(InteropPki.EC.hierarchy().certifiedLeaf()).build();
        try (JsseServer server = new JsseServer(peer.context(InteropPki.RSA, InteropPki.EC), version, List.of(), true, 1)) {
            OurClient.Echoed echoed = OurClient.echo(server.port(), client, List.of("authenticated"), false);
            assertThat(echoed.received()).isEqualTo("echo: authenticated\n");
            assertThat(echoed.facts().clientAuthRequested()).isTrue();
            JsseServer.Served served = server.next();
            assertThat(served.checkedSession().getPeerCertificates()[0])
                    .isEqualTo(InteropPki.EC.hierarchy().leaf().certificate());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peersAndVersions")
    void jsseClientAuthenticatesToOurServer(JssePeer peer, ProtocolVersion version) throws Exception {
        // The JSSE client presents its RSA certificate; our EC server trusts the RSA root and verifies the chain.
        TlsConfig config = InteropPki.EC.ourServer().versions(version).clientAuth(ClientAuthPolicy.REQUIRE)
                .certificateVerifier(CertificateVerifier.pkix(InteropPki.RSA.hierarchy().anchors())).build();
        SSLContext context = peer.context(InteropPki.RSA, InteropPki.EC);
        try (OurServer server = new OurServer(config, 1, false)) {
            JssePeer.ClientResult result = JssePeer.echo(context, server.port(), version, List.of(),
                    List.of("authenticated"));
            assertThat(result.echoes()).containsExactly("echo: authenticated");
            OurServer.Served served = server.next();
            assertThat(served.parameters().version()).isEqualTo(version);
            assertThat(served.facts().clientAuthRequested()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ourClientResumptions")
    void ourClientResumesWithJsseServer(JssePeer peer, ProtocolVersion version) throws Exception {
        TlsConfig client = InteropPki.EC.ourClient().versions(version).ticketStore(new TicketStore()).build();
        try (JsseServer server = new JsseServer(peer.context(InteropPki.EC, InteropPki.EC), version, List.of(), false,
                2)) {
            OurClient.Echoed first = OurClient.echo(server.port(), client, List.of("first"), false);
            OurClient.Echoed second = OurClient.echo(server.port(), client, List.of("second"), false);
            assertThat(first.parameters().resumed()).isFalse();
            assertThat(second.parameters().resumed()).as("%s %s resumes", peer, version).isTrue();
            assertThat(second.received()).isEqualTo("echo: second\n");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jsseClientResumptions")
    void jsseClientResumesWithOurServer(JssePeer peer, ProtocolVersion version) throws Exception {
        TlsConfig config = InteropPki.EC.ourServer().versions(version).ticketsEnabled(true)
                .sessionCache(new ServerSessionCache(8)).build();
        SSLContext context = peer.context(InteropPki.EC, InteropPki.EC);
        try (OurServer server = new OurServer(config, 1, false)) {
            JssePeer.echo(context, server.port(), version, List.of(), List.of("first"));
            JssePeer.echo(context, server.port(), version, List.of(), List.of("second"));
            assertThat(server.next().parameters().resumed()).isFalse();
            assertThat(server.next().parameters().resumed()).as("%s %s resumes", peer, version).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(JssePeer.class)
    void keyUpdatesBothWaysWithJsse(JssePeer peer) throws Exception {
        ProtocolVersion version = ProtocolVersion.TLS13;
        // RFC 8446 §4.6.3, our client first: KeyUpdate(update_requested), then a line under the new keys.
        try (JsseServer server = new JsseServer(peer.context(InteropPki.EC, InteropPki.EC), version, List.of(), false,
                1)) {
            OurClient.Echoed echoed = OurClient.echo(server.port(), InteropPki.EC.ourClient().versions(version).build(),
                    List.of("after update"), true);
            assertThat(echoed.received()).isEqualTo("echo: after update\n");
            server.next().checkedSession();
        }
        // Then our server: KeyUpdate(update_requested) before the first echo; the second line uses the peer's next key.
        TlsConfig config = InteropPki.EC.ourServer().versions(version).build();
        try (OurServer server = new OurServer(config, 2, true)) {
            JssePeer.ClientResult result = JssePeer.echo(peer.context(InteropPki.EC, InteropPki.EC), server.port(),
                    version, List.of(), List.of("one", "two"));
            assertThat(result.echoes()).containsExactly("echo: one", "echo: two");
            assertThat(server.next().received()).isEqualTo("one\ntwo\n");
        }
    }

    /** TLS 1.2 ECDHE_ECDSA also offers the certificate's curve (RFC 8422 §5.1), after the group under test. */
    private static KeyExchangeGroup[] withCertificateCurve(InteropSuite suite, InteropGroup group) {
        boolean ecdsa12 = suite.version() == ProtocolVersion.TLS12 && suite.pki(InteropPki.RSA) == InteropPki.EC;
        return ecdsa12 && group != InteropGroup.P256
                ? new KeyExchangeGroup[] {group.group(), KeyExchangeGroup.SECP256R1}
                : new KeyExchangeGroup[] {group.group()};
    }
}
