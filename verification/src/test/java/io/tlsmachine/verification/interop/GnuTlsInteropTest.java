package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.ServerSessionCache;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.model.ProtocolVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our client against gnutls-serv (in a private loopback-only network namespace, see {@link GnutlsServer}) and
 * gnutls-cli against our server on 127.0.0.1: every suite with a group in turn (every group appears once per
 * version), both certificate types, a HelloRetryRequest, client authentication, resumption, KeyUpdate and
 * close_notify.
 */
@Tag("slow")
class GnuTlsInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** Every suite, each with the next group, so that every group of the version appears at least once. */
    static Stream<Arguments> crossSection() {
        List<Arguments> cases = new ArrayList<>();
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            List<InteropSuite> suites = InteropSuite.of(version);
            List<InteropGroup> groups = InteropGroup.of(version);
            int count = Math.max(suites.size(), groups.size());
            for (int i = 0; i < count; i++) {
                InteropSuite suite = suites.get(i % suites.size());
                cases.add(Arguments.of(suite, groups.get(i % groups.size()), suite.pki(InteropPki.values()[i % 2])));
            }
        }
        return cases.stream();
    }

    private GnutlsServer gnutlsServ(InteropPki pki, String priority, String... extra) throws Exception {
        Peers.requireGnutls();
        Peers.requirePrivateNetworkNamespace();
        InteropPki.PemFiles pem = pki.writePem(dir);
        List<String> arguments = new ArrayList<>(List.of("--echo", "--x509certfile", pem.leafAndChain().toString(),
                "--x509keyfile", pki.writeGnutlsKey(dir).toString(), "--priority", priority));
        arguments.addAll(List.of(extra));
        return new GnutlsServer(dir, arguments);
    }

    private static String priority(ProtocolVersion version) {
        return "NORMAL:-VERS-ALL:+" + (version == ProtocolVersion.TLS13 ? "VERS-TLS1.3" : "VERS-TLS1.2");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("crossSection")
    void ourClientNegotiatesWithGnutlsServer(InteropSuite suite, InteropGroup group, InteropPki pki) throws Exception {
        List<InteropGroup> offered = suite.groupsToOffer(group);
        TlsConfig client = pki.ourClient().versions(suite.version()).cipherSuites(suite.suite())
                .groups(offered.stream().map(InteropGroup::group).toArray(KeyExchangeGroup[]::new))
                .keyShareGroups(group.group()).build();
        try (GnutlsServer server = gnutlsServ(pki, suite.gnutlsPriority(offered))) {
            OurClient.Echoed echoed = OurClient.echoVerbatim(server.port(), client, List.of("hello gnutls"), false);
            assertThat(echoed.received()).as(server.output()).isEqualTo("hello gnutls\n");
            assertThat(echoed.parameters().version()).isEqualTo(suite.version());
            assertThat(echoed.parameters().cipherSuite()).isEqualTo(suite.suite());
            assertThat(echoed.parameters().group()).contains(group.group());
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("crossSection")
    void gnutlsClientNegotiatesWithOurServer(InteropSuite suite, InteropGroup group, InteropPki pki) throws Exception {
        TlsConfig config = pki.ourServer().versions(suite.version()).cipherSuites(suite.suite()).groups(group.group())
                .build();
        OurServer.Served served = echoWithGnutlsClient(pki, config, suite.gnutlsPriority(suite.groupsToOffer(group)),
                List.of(), false);
        assertThat(served.parameters().cipherSuite()).isEqualTo(suite.suite());
        assertThat(served.parameters().group()).contains(group.group());
    }

    @ParameterizedTest
    @EnumSource(InteropPki.class)
    void ourClientAnswersGnutlsServersHelloRetryRequest(InteropPki pki) throws Exception {
        TlsConfig client = pki.ourClient().versions(ProtocolVersion.TLS13).keyShareGroups(KeyExchangeGroup.X25519).build();
        try (GnutlsServer server = gnutlsServ(pki, priority(ProtocolVersion.TLS13) + ":-GROUP-ALL:+GROUP-SECP384R1")) {
            OurClient.Echoed echoed = OurClient.echoVerbatim(server.port(), client, List.of("retried"), false);
            assertThat(echoed.received()).isEqualTo("retried\n");
            assertThat(echoed.facts().helloRetryRequested()).isTrue();
            assertThat(echoed.parameters().group()).contains(KeyExchangeGroup.SECP384R1);
        }
    }

    @ParameterizedTest
    @EnumSource(InteropPki.class)
    void ourServerSendsHelloRetryRequestToGnutlsClient(InteropPki pki) throws Exception {
        // gnutls-cli sends one share per key type: P-256 here; our server accepts P-384 only.
        TlsConfig config = pki.ourServer().versions(ProtocolVersion.TLS13).groups(KeyExchangeGroup.SECP384R1).build();
        OurServer.Served served = echoWithGnutlsClient(pki, config,
                priority(ProtocolVersion.TLS13) + ":-GROUP-ALL:+GROUP-SECP256R1:+GROUP-SECP384R1", List.of(), false);
        assertThat(served.facts().helloRetryRequested()).isTrue();
        assertThat(served.parameters().group()).contains(KeyExchangeGroup.SECP384R1);
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS13", "TLS12"})
    void ourClientAuthenticatesToGnutlsServer(ProtocolVersion version) throws Exception {
        InteropPki.PemFiles clientAnchor = InteropPki.EC.writePem(dir);
        TlsConfig client = InteropPki.RSA.ourClient().versions(version)
                .certifiedKey(InteropPki.EC.hierarchy().certifiedLeaf()).build();
        try (GnutlsServer server = gnutlsServ(InteropPki.RSA, priority(version), "--require-client-cert",
                "--x509cafile", clientAnchor.root().toString())) {
            OurClient.Echoed echoed = OurClient.echoVerbatim(server.port(), client, List.of("authenticated"), false);
            assertThat(echoed.received()).isEqualTo("authenticated\n");
            assertThat(echoed.facts().clientAuthRequested()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"TLS13", "TLS12"})
    void gnutlsClientAuthenticatesToOurServer(ProtocolVersion version) throws Exception {
        InteropPki.PemFiles credentials = InteropPki.RSA.writePem(dir);
        TlsConfig config = InteropPki.EC.ourServer().versions(version).clientAuth(ClientAuthPolicy.REQUIRE)
                .certificateVerifier(CertificateVerifier.pkix(InteropPki.RSA.hierarchy().anchors())).build();
        OurServer.Served served = echoWithGnutlsClient(InteropPki.EC, config, priority(version), List.of(
                "--x509certfile", credentials.leafAndChain().toString(), "--x509keyfile",
                InteropPki.RSA.writeGnutlsKey(dir).toString()),
                false);
        assertThat(served.facts().clientAuthRequested()).isTrue();
    }

    /** TLS 1.3 PSK from a ticket, TLS 1.2 ticket (RFC 5077), TLS 1.2 session ID. */
    enum Resumption {
        TLS13_PSK(ProtocolVersion.TLS13, false),
        TLS12_TICKET(ProtocolVersion.TLS12, false),
        TLS12_SESSION_ID(ProtocolVersion.TLS12, true);

        final ProtocolVersion version;
        final boolean noTickets;

        Resumption(ProtocolVersion version, boolean noTickets) {
            this.version = version;
            this.noTickets = noTickets;
        }
    }

    @ParameterizedTest
    @EnumSource(Resumption.class)
    void ourClientResumesWithGnutlsServer(Resumption resumption) throws Exception {
        TlsConfig client = InteropPki.EC.ourClient().versions(resumption.version).ticketStore(new TicketStore()).build();
        String[] extra = resumption.noTickets ? new String[] {"--noticket"} : new String[0];
        try (GnutlsServer server = gnutlsServ(InteropPki.EC, priority(resumption.version), extra)) {
            OurClient.Echoed first = OurClient.echoVerbatim(server.port(), client, List.of("first"), false);
            OurClient.Echoed second = OurClient.echoVerbatim(server.port(), client, List.of("second"), false);
            assertThat(first.parameters().resumed()).isFalse();
            assertThat(second.parameters().resumed()).as(server.output()).isTrue();
            assertThat(second.received()).isEqualTo("second\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Resumption.class)
    void gnutlsClientResumesWithOurServer(Resumption resumption) throws Exception {
        TlsConfigBuilder config = InteropPki.EC.ourServer().versions(resumption.version);
        config = resumption.noTickets ? config.sessionCache(new ServerSessionCache(8)) : config.ticketsEnabled(true);
        InteropPki.PemFiles pem = InteropPki.EC.writePem(dir);
        Peers.requireGnutls();
        try (OurServer server = new OurServer(config.build(), 1, false);
                PeerProcess client = PeerProcess.start(gnutlsCli(server.port(), pem, priority(resumption.version),
                        List.of("--resume")))) {
            client.awaitOutput(out -> out.contains("This is a resumed session"), TIMEOUT);
            client.send("resumed\n");
            client.awaitOutput(out -> out.contains("resumed\necho: resumed") || out.contains("echo: resumed"), TIMEOUT);
            assertThat(client.awaitExit(TIMEOUT)).as("gnutls-cli exits after our close_notify").isTrue();
            assertThat(server.next().parameters().resumed()).isFalse();
            assertThat(server.next().parameters().resumed()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(InteropPki.class)
    void keyUpdatesBothWaysWithGnutls(InteropPki pki) throws Exception {
        // RFC 8446 §4.6.3, our client first: KeyUpdate(update_requested), then a line under the new keys.
        try (GnutlsServer server = gnutlsServ(pki, priority(ProtocolVersion.TLS13))) {
            OurClient.Echoed echoed = OurClient.echoVerbatim(server.port(),
                    pki.ourClient().versions(ProtocolVersion.TLS13).build(), List.of("one", "two"), true);
            assertThat(echoed.received()).isEqualTo("one\ntwo\n");
        }
        // Then our server before its first echo; gnutls-cli's second line comes under its next key.
        TlsConfig config = pki.ourServer().versions(ProtocolVersion.TLS13).build();
        OurServer.Served served = echoWithGnutlsClient(pki, config, priority(ProtocolVersion.TLS13), List.of(), true);
        assertThat(served.received()).isEqualTo("hello from gnutls\nsecond line\n");
    }

    private static List<String> gnutlsCli(int port, InteropPki.PemFiles pem, String priority, List<String> extra) {
        List<String> command = new ArrayList<>(List.of("gnutls-cli", "-p", String.valueOf(port), "--sni-hostname",
                InteropPki.HOST, "--verify-hostname", InteropPki.HOST, "--x509cafile", pem.root().toString(),
                "--priority", priority));
        command.addAll(extra);
        command.add("127.0.0.1");
        return command;
    }

    /**
     * Runs gnutls-cli against our echo server: one line (two with {@code keyUpdate}, our server sending
     * KeyUpdate(update_requested) before the first echo), then our close_notify, after which gnutls-cli must
     * report the orderly close and exit.
     */
    private OurServer.Served echoWithGnutlsClient(InteropPki pki, TlsConfig config, String priority, List<String> extra,
            boolean keyUpdate) throws Exception {
        Peers.requireGnutls();
        InteropPki.PemFiles pem = pki.writePem(dir);
        try (OurServer server = new OurServer(config, keyUpdate ? 2 : 1, keyUpdate);
                PeerProcess client = PeerProcess.start(gnutlsCli(server.port(), pem, priority, extra))) {
            client.awaitOutput(out -> out.contains("Handshake was completed"), TIMEOUT);
            client.send("hello from gnutls\n");
            client.awaitOutput(out -> out.contains("echo: hello from gnutls"), TIMEOUT);
            if (keyUpdate) {
                client.send("second line\n");
                client.awaitOutput(out -> out.contains("echo: second line"), TIMEOUT);
            }
            assertThat(client.awaitExit(TIMEOUT)).as("gnutls-cli exits after our close_notify").isTrue();
            assertThat(client.output()).contains("Peer has closed the GnuTLS connection");
            OurServer.Served served = server.next();
            assertThat(served.parameters().version()).isEqualTo(config.versions().get(0));
            assertThat(served.closed()).isTrue();
            return served;
        }
    }
}
