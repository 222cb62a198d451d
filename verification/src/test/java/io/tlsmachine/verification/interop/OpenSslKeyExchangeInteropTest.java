package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.TlsClient;
import io.tlsmachine.TlsConnection;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Tls12KeyExchange;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The opt-in TLS 1.2 DHE_RSA and RSA key transport suites with OpenSSL 3 on 127.0.0.1, both roles: s_server picks its
 * automatic DH group (ffdhe2048 for a 2048-bit RSA key), s_client accepts ours; client authentication and ticket
 * resumption under DHE and RSA. Each case checks the negotiated suite on both sides and an application-data round trip.
 */
@Tag("slow")
class OpenSslKeyExchangeInteropTest {

    private static final Duration TIMEOUT = OpenSsl.TIMEOUT;
    private static final String GET = "GET / HTTP/1.0\r\n\r\n";

    @TempDir
    Path dir;

    @BeforeEach
    void requireOpenssl() {
        Peers.requireOpenssl();
    }

    private static TlsConfigBuilder ourClient(KeyExchangeSuite suite) {
        return InteropPki.RSA.ourClient().versions(ProtocolVersion.TLS12).cipherSuites(suite.suite());
    }

    @ParameterizedTest
    @EnumSource(KeyExchangeSuite.class)
    void ourClientNegotiatesWithOpensslServer(KeyExchangeSuite suite) throws Exception {
        List<TlsConnectionResult> results = fetchPage(List.of("-cipher", suite.openssl()), ourClient(suite).build(), 1);
        TlsConnectionResult result = results.get(0);
        assertThat(result.page()).contains("Cipher    : " + suite.openssl(), "Protocol  : TLSv1.2");
        assertThat(result.engine().negotiated().orElseThrow().cipherSuite()).isEqualTo(suite.suite());
        assertThat(result.engine().facts().tls12KeyExchange()).isEqualTo(suite.dhe() ? Tls12KeyExchange.DHE : Tls12KeyExchange.RSA);
        if (suite.dhe()) {
            // s_server's automatic DH parameters are a 2048-bit safe prime that is no RFC 7919 group (RFC 3526's
            // group 14): our client takes it as a custom group (RFC 7919 §3.1).
            assertThat(result.engine().negotiated().orElseThrow().group()).isEmpty();
        }
    }

    /** With {@code -dhparam} holding RFC 7919's ffdhe2048, s_server's group is the named group our client offered. */
    @ParameterizedTest
    @EnumSource(value = KeyExchangeSuite.class, names = "DHE_RSA.*", mode = EnumSource.Mode.MATCH_ANY)
    void ourClientNegotiatesAnRfc7919GroupWithOpensslServerGivenFfdheParameters(KeyExchangeSuite suite) throws Exception {
        Path dhparam = dir.resolve("ffdhe2048.pem");
        PeerProcess generate = PeerProcess.start(List.of("openssl", "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt",
                "group:ffdhe2048", "-out", dhparam.toString()));
        try (generate) {
            assertThat(generate.awaitExit(TIMEOUT)).isTrue();
        }
        TlsConnectionResult result = fetchPage(List.of("-cipher", suite.openssl(), "-dhparam", dhparam.toString()),
                ourClient(suite).build(), 1).get(0);
        assertThat(result.page()).contains("Cipher    : " + suite.openssl());
        assertThat(result.engine().negotiated().orElseThrow().group()).contains(KeyExchangeGroup.FFDHE2048);
    }

    @ParameterizedTest
    @EnumSource(KeyExchangeSuite.class)
    void opensslClientNegotiatesWithOurServer(KeyExchangeSuite suite) throws Exception {
        TlsConfig server = InteropPki.RSA.ourServer().versions(ProtocolVersion.TLS12).cipherSuites(suite.suite()).build();
        OurServer.Served served = echoWithOpensslClient(List.of("-cipher", suite.openssl()), server);
        assertThat(served.parameters().cipherSuite()).isEqualTo(suite.suite());
        assertThat(served.facts().extendedMasterSecret()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = KeyExchangeSuite.class, names = {"DHE_RSA_AES_128_GCM", "RSA_AES_128_GCM"})
    void ourClientAuthenticatesToOpensslServer(KeyExchangeSuite suite) throws Exception {
        InteropPki.PemFiles clientAnchor = InteropPki.EC.writePem(dir);
        TlsConfig client = ourClient(suite).certifiedKey(InteropPki.EC.hierarchy().certifiedLeaf()).build();
        TlsConnectionResult result = fetchPage(List.of("-cipher", suite.openssl(), "-Verify", "2", "-CAfile",
                clientAnchor.root().toString(), "-verify_return_error"), client, 1).get(0);
        assertThat(result.engine().facts().clientAuthRequested()).isTrue();
        assertThat(result.page()).contains("Client certificate", "Cipher    : " + suite.openssl());
    }

    @ParameterizedTest
    @EnumSource(value = KeyExchangeSuite.class, names = {"DHE_RSA_AES_256_GCM", "RSA_AES_256_GCM"})
    void opensslClientAuthenticatesToOurServer(KeyExchangeSuite suite) throws Exception {
        InteropPki.PemFiles credentials = InteropPki.EC.writePem(dir);
        TlsConfig server = InteropPki.RSA.ourServer().versions(ProtocolVersion.TLS12).cipherSuites(suite.suite())
                .clientAuth(ClientAuthPolicy.REQUIRE).certificateVerifier(CertificateVerifier.pkix(InteropPki.EC.hierarchy().anchors()))
                .build();
        OurServer.Served served = echoWithOpensslClient(List.of("-cipher", suite.openssl(), "-cert", credentials.leaf().toString(),
                "-cert_chain", credentials.chain().toString(), "-key", credentials.key().toString()), server);
        assertThat(served.facts().clientAuthRequested()).isTrue();
        assertThat(served.parameters().cipherSuite()).isEqualTo(suite.suite());
    }

    @Test
    void ourClientResumesDheAndRsaSessionsWithOpensslServerByTicket() throws Exception {
        for (KeyExchangeSuite suite : List.of(KeyExchangeSuite.DHE_RSA_CHACHA20, KeyExchangeSuite.RSA_AES_128_GCM)) {
            TlsConfig client = ourClient(suite).ticketStore(new TicketStore()).build();
            List<TlsConnectionResult> results = fetchPage(List.of("-cipher", suite.openssl(), "-naccept", "2"), client, 2);
            assertThat(results).extracting(r -> r.engine().negotiated().orElseThrow().resumed()).containsExactly(false, true);
            assertThat(results.get(1).page()).contains("Reused, TLSv1.2", "Cipher    : " + suite.openssl());
        }
    }

    private record TlsConnectionResult(io.tlsmachine.TlsEngine engine, String page) {
    }

    /** Starts {@code s_server -www} with the RSA certificate; our client requests the page {@code connections} times. */
    private List<TlsConnectionResult> fetchPage(List<String> serverArguments, TlsConfig client, int connections) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-www"));
        arguments.addAll(serverArguments);
        if (!serverArguments.contains("-naccept")) {
            arguments.addAll(List.of("-naccept", "1"));
        }
        List<TlsConnectionResult> results = new ArrayList<>();
        try (PeerProcess server = PeerProcess.start(OpenSsl.sServer(InteropPki.RSA.writePem(dir), ProtocolVersion.TLS12,
                arguments))) {
            InetSocketAddress address = OpenSsl.awaitAccepting(server);
            for (int i = 0; i < connections; i++) {
                try (TlsConnection connection = TlsClient.connect(address, client, t -> { }, TIMEOUT)) {
                    connection.write(GET.getBytes(StandardCharsets.US_ASCII));
                    String page = new String(connection.readAll(1 << 20), StandardCharsets.ISO_8859_1);
                    assertThat(connection.engine().isClosed()).as("s_server's close_notify ends the page; %s", server).isTrue();
                    results.add(new TlsConnectionResult(connection.engine(), page));
                }
            }
        }
        return results;
    }

    /** Runs {@code s_client} against our echo server: one line there and back, then our close_notify. */
    private OurServer.Served echoWithOpensslClient(List<String> arguments, TlsConfig config) throws Exception {
        OurServer.Served served = OpenSsl.echoWithClient(InteropPki.RSA.writePem(dir), ProtocolVersion.TLS12, arguments,
                config);
        assertThat(served.parameters().resumed()).isFalse();
        return served;
    }
}
