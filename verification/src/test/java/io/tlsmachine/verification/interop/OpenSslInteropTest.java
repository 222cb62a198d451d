package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.ServerSessionCache;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.TlsClient;
import io.tlsmachine.TlsConnection;
import io.tlsmachine.model.ProtocolVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenSSL 3 matrix on 127.0.0.1: our client against {@code s_server}, {@code s_client} against our server;
 * every suite × group × certificate type of both versions, HelloRetryRequest, client authentication, resumption
 * (TLS 1.3 PSK, TLS 1.2 ticket and session ID), KeyUpdate, close_notify. Each case checks the negotiated
 * parameters on our side and the peer's, an application-data round trip, and the closing close_notify.
 */
@Tag("slow")
class OpenSslInteropTest {

    private static final Duration TIMEOUT = OpenSsl.TIMEOUT;
    private static final String GET = "GET / HTTP/1.0\r\n\r\n";

    @TempDir
    Path dir;

    @BeforeEach
    void requireOpenssl() {
        Peers.requireOpenssl();
    }

    /** Every suite × group of both versions; TLS 1.3 with both certificate types. */
    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            for (InteropSuite suite : InteropSuite.of(version)) {
                for (InteropGroup group : InteropGroup.of(version)) {
                    for (InteropPki pki : InteropPki.values()) {
                        if (suite.pki(pki) == pki) {
                            cases.add(Arguments.of(suite, group, pki));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void ourClientNegotiatesWithOpensslServer(InteropSuite suite, InteropGroup group, InteropPki pki) throws Exception {
        TlsConfig client = pki.ourClient().versions(suite.version()).cipherSuites(suite.suite())
                .groups(offeredGroups(suite, group)).keyShareGroups(group.group()).build();
        List<String> server = new ArrayList<>(suite.opensslArguments());
        server.addAll(List.of("-groups", opensslGroups(suite, group)));
        Fetched fetched = fetchPage(pki, suite.version(), server, client, 1).get(0);
        assertNegotiated(fetched.parameters(), suite, group);
        assertThat(fetched.page()).contains("Cipher    : " + suite.opensslName(), "Protocol  : " + OpenSsl.protocol(suite.version()));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void opensslClientNegotiatesWithOurServer(InteropSuite suite, InteropGroup group, InteropPki pki) throws Exception {
        TlsConfig server = pki.ourServer().versions(suite.version()).cipherSuites(suite.suite()).groups(group.group())
                .build();
        List<String> client = new ArrayList<>(suite.opensslArguments());
        client.addAll(List.of("-groups", opensslGroups(suite, group)));
        OurServer.Served served = echoWithOpensslClient(pki, suite.version(), client, server);
        assertNegotiated(served.parameters(), suite, group);
    }

    @ParameterizedTest
    @EnumSource(InteropPki.class)
    void ourClientAnswersOpensslServersHelloRetryRequest(InteropPki pki) throws Exception {
        // RFC 8446 §4.1.4: our client offers an X25519 share; the server accepts P-384 only.
        TlsConfig client = pki.ourClient().versions(ProtocolVersion.TLS13).keyShareGroups(InteropGroup.X25519.group())
                .build();
        Fetched fetched = fetchPage(pki, ProtocolVersion.TLS13, List.of("-groups", "P-384"), client, 1).get(0);
        assertThat(fetched.parameters().group()).contains(InteropGroup.P384.group());
        assertThat(fetched.helloRetryRequested()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(InteropPki.class)
    void ourServerSendsHelloRetryRequestToOpensslClient(InteropPki pki) throws Exception {
        // s_client sends a share for its first group (X25519) only; our server accepts P-384 only.
        TlsConfig server = pki.ourServer().versions(ProtocolVersion.TLS13).groups(InteropGroup.P384.group()).build();
        OurServer.Served served = echoWithOpensslClient(pki, ProtocolVersion.TLS13, List.of("-groups", "X25519:P-384"),
                server);
        assertThat(served.parameters().group()).contains(InteropGroup.P384.group());
        assertThat(served.facts().helloRetryRequested()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS13", "TLS12"})
    void ourClientAuthenticatesToOpensslServer(ProtocolVersion version) throws Exception {
        InteropPki.PemFiles clientAnchor = InteropPki.EC.writePem(dir);
        TlsConfig client = InteropPki.RSA.ourClient().versions(version)
                .certifiedKey(InteropPki.EC.hierarchy().certifiedLeaf()).build();
        Fetched fetched = fetchPage(InteropPki.RSA, version, List.of("-Verify", "2", "-CAfile",
                clientAnchor.root().toString(), "-verify_return_error"), client, 1).get(0);
        assertThat(fetched.parameters().version()).isEqualTo(version);
        assertThat(fetched.facts().clientAuthRequested()).isTrue();
        assertThat(fetched.page()).contains("Client certificate", "Issuer: CN=Interop EC Intermediate");
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS13", "TLS12"})
    void opensslClientAuthenticatesToOurServer(ProtocolVersion version) throws Exception {
        InteropPki.PemFiles clientCredentials = InteropPki.RSA.writePem(dir);
        TlsConfig server = InteropPki.EC.ourServer().versions(version).clientAuth(ClientAuthPolicy.REQUIRE)
                .certificateVerifier(CertificateVerifier.pkix(InteropPki.RSA.hierarchy().anchors())).build();
        OurServer.Served served = echoWithOpensslClient(InteropPki.EC, version, List.of("-cert",
                clientCredentials.leaf().toString(), "-cert_chain", clientCredentials.chain().toString(), "-key",
                clientCredentials.key().toString()), server);
        assertThat(served.parameters().version()).isEqualTo(version);
        assertThat(served.facts().clientAuthRequested()).isTrue();
    }

    /** How a session is resumed: TLS 1.3 PSK from a ticket, TLS 1.2 ticket (RFC 5077), TLS 1.2 session ID. */
    enum Resumption {
        TLS13_PSK(ProtocolVersion.TLS13, List.of()),
        TLS12_TICKET(ProtocolVersion.TLS12, List.of()),
        TLS12_SESSION_ID(ProtocolVersion.TLS12, List.of("-no_ticket"));

        final ProtocolVersion version;
        final List<String> opensslArguments;

        Resumption(ProtocolVersion version, List<String> opensslArguments) {
            this.version = version;
            this.opensslArguments = opensslArguments;
        }
    }

    @ParameterizedTest
    @EnumSource(Resumption.class)
    void ourClientResumesWithOpensslServer(Resumption resumption) throws Exception {
        TlsConfig client = InteropPki.EC.ourClient().versions(resumption.version).ticketStore(new TicketStore()).build();
        List<String> server = new ArrayList<>(resumption.opensslArguments);
        server.addAll(List.of("-naccept", "2"));
        List<Fetched> fetched = fetchPage(InteropPki.EC, resumption.version, server, client, 2);
        assertThat(fetched).extracting(f -> f.parameters().resumed()).containsExactly(false, true);
        assertThat(fetched.get(1).page()).contains("Reused, " + OpenSsl.protocol(resumption.version));
    }

    @ParameterizedTest
    @EnumSource(Resumption.class)
    void opensslClientResumesWithOurServer(Resumption resumption) throws Exception {
        TlsConfigBuilder server = InteropPki.EC.ourServer().versions(resumption.version);
        server = resumption == Resumption.TLS12_SESSION_ID ? server.sessionCache(new ServerSessionCache(8))
                : server.ticketsEnabled(true);
        Path session = dir.resolve("session.pem");
        List<String> first = new ArrayList<>(resumption.opensslArguments);
        first.addAll(List.of("-sess_out", session.toString()));
        List<String> second = new ArrayList<>(resumption.opensslArguments);
        second.addAll(List.of("-sess_in", session.toString()));
        TlsConfig config = server.build();
        assertThat(echoWithOpensslClient(InteropPki.EC, resumption.version, first, config).parameters().resumed()).isFalse();
        assertThat(echoWithOpensslClient(InteropPki.EC, resumption.version, second, config).parameters().resumed())
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(InteropPki.class)
    void ourClientUpdatesKeysWithOpensslServer(InteropPki pki) throws Exception {
        // RFC 8446 §4.6.3: our KeyUpdate(update_requested) before the request; the page arrives after s_server's.
        TlsConfig client = pki.ourClient().versions(ProtocolVersion.TLS13).build();
        Fetched fetched = fetchPage(pki, ProtocolVersion.TLS13, List.of(), client, 1, true).get(0);
        assertThat(fetched.page()).contains("Protocol  : TLSv1.3");
    }

    @ParameterizedTest
    @EnumSource(InteropPki.class)
    void opensslClientUpdatesKeysWithOurServer(InteropPki pki) throws Exception {
        // Our server sends KeyUpdate(update_requested) before the first echo; s_client answers with its own
        // KeyUpdate, so the second line arrives under s_client's next traffic key.
        TlsConfig config = pki.ourServer().versions(ProtocolVersion.TLS13).build();
        InteropPki.PemFiles pem = pki.writePem(dir);
        try (OurServer server = new OurServer(config, 2, true);
                PeerProcess client = PeerProcess.start(OpenSsl.sClient(server.port(), pem, ProtocolVersion.TLS13, List.of()))) {
            client.send("first line\n");
            client.awaitOutput(out -> out.contains("echo: first line"), TIMEOUT);
            client.send("second line\n");
            client.awaitOutput(out -> out.contains("echo: second line"), TIMEOUT);
            assertThat(client.awaitExit(TIMEOUT)).as("s_client exits after our close_notify").isTrue();
            OurServer.Served served = server.next();
            assertThat(served.parameters().version()).isEqualTo(ProtocolVersion.TLS13);
            assertThat(served.received()).isEqualTo("first line\nsecond line\n");
        }
    }

    private record Fetched(NegotiatedParameters parameters, boolean helloRetryRequested,
            io.tlsmachine.model.Negotiated facts, String page) {
    }

    private List<Fetched> fetchPage(InteropPki pki, ProtocolVersion version, List<String> serverArguments,
            TlsConfig client, int connections) throws Exception {
        return fetchPage(pki, version, serverArguments, client, connections, false);
    }

    /**
     * Starts {@code s_server -www} with {@code pki}'s certificate, connects {@code connections} times with our
     * client, requests the page and reads it to the server's close_notify.
     */
    private List<Fetched> fetchPage(InteropPki pki, ProtocolVersion version, List<String> serverArguments,
            TlsConfig client, int connections, boolean keyUpdate) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-www"));
        arguments.addAll(serverArguments);
        if (!serverArguments.contains("-naccept")) {
            arguments.addAll(List.of("-naccept", "1"));
        }
        List<Fetched> fetched = new ArrayList<>();
        try (PeerProcess server = PeerProcess.start(OpenSsl.sServer(pki.writePem(dir), version, arguments))) {
            InetSocketAddress address = OpenSsl.awaitAccepting(server);
            for (int i = 0; i < connections; i++) {
                try (TlsConnection connection = TlsClient.connect(address, client, t -> { }, TIMEOUT)) {
                    if (keyUpdate) {
                        connection.engine().requestKeyUpdate();
                    }
                    connection.write(GET.getBytes(StandardCharsets.US_ASCII));
                    String page = new String(connection.readAll(1 << 20), StandardCharsets.ISO_8859_1);
                    assertThat(connection.engine().isClosed()).as("s_server's close_notify ends the page; %s", server)
                            .isTrue();
                    NegotiatedParameters parameters = connection.engine().negotiated().orElseThrow();
                    assertThat(parameters.version()).isEqualTo(version);
                    fetched.add(new Fetched(parameters, connection.engine().facts().helloRetryRequested(),
                            connection.engine().facts(), page));
                }
            }
        }
        return fetched;
    }

    private OurServer.Served echoWithOpensslClient(InteropPki pki, ProtocolVersion version, List<String> arguments,
            TlsConfig config) throws Exception {
        return OpenSsl.echoWithClient(pki.writePem(dir), version, arguments, config);
    }

    /**
     * The groups to offer besides {@code group}: with a TLS 1.2 ECDHE_ECDSA suite the certificate's curve
     * (P-256) too, since OpenSSL requires it among the supported groups (RFC 8422 §5.1; RFC 4492 §5.1), and
     * fails with "tls12_check_peer_sigalg: wrong curve" otherwise.
     */
    private static io.tlsmachine.KeyExchangeGroup[] offeredGroups(InteropSuite suite, InteropGroup group) {
        return needsCertificateCurve(suite, group)
                ? new io.tlsmachine.KeyExchangeGroup[] {group.group(), InteropGroup.P256.group()}
                : new io.tlsmachine.KeyExchangeGroup[] {group.group()};
    }

    private static String opensslGroups(InteropSuite suite, InteropGroup group) {
        return needsCertificateCurve(suite, group) ? group.openssl() + ":" + InteropGroup.P256.openssl() : group.openssl();
    }

    private static boolean needsCertificateCurve(InteropSuite suite, InteropGroup group) {
        return suite.version() == ProtocolVersion.TLS12 && suite.pki(InteropPki.RSA) == InteropPki.EC
                && group != InteropGroup.P256;
    }

    private static void assertNegotiated(NegotiatedParameters parameters, InteropSuite suite, InteropGroup group) {
        assertThat(parameters.version()).isEqualTo(suite.version());
        assertThat(parameters.cipherSuite()).isEqualTo(suite.suite());
        assertThat(parameters.group()).contains(group.group());
    }
}
