package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConnectionException;
import io.tlsmachine.TlsException;
import io.tlsmachine.model.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem) with BoringSSL through Netty's OpenSSL engine
 * ({@code netty-tcnative-boringssl-static}), both roles, on 127.0.0.1, with the group set on BoringSSL's side and
 * with Netty's default for BoringSSL (which lists the hybrid first); a BoringSSL peer limited to classical
 * groups gets x25519 from our defaults, and one limited to the hybrid shares nothing with our side limited to
 * classical groups (handshake_failure, both roles). BoringSSL's negotiated group is not exposed through Netty, so the group is
 * asserted on our side ({@code NegotiatedParameters.group()}); offering BoringSSL only the hybrid (or only x25519)
 * makes our side's group the only one it could have agreed to.
 */
@Tag("slow")
@Timeout(60)
class BoringSslInteropTest {

    @BeforeAll
    static void requireBoringSsl() {
        NettyBoringSsl.requireLoaded();
    }

    /** BoringSSL's groups as set here, and Netty's default for BoringSSL (no groups set: the hybrid first). */
    private static final List<String[]> HYBRID_GROUP_LISTS = List.of(new String[] {"X25519MLKEM768"}, new String[0]);

    @Test
    void ourClientNegotiatesX25519Mlkem768WithABoringSslServer() throws Exception {
        for (String[] groups : HYBRID_GROUP_LISTS) {
            String name = groups.length == 0 ? "Netty's default" : String.join(":", groups);
            try (NettyBoringSsl.Server server = new NettyBoringSsl.Server(InteropPki.EC, groups)) {
                OurClient.Echoed echoed = OurClient.echo(server.port(), InteropPki.EC.ourClient().build(),
                        List.of("hello from us"), false);

                assertThat(echoed.received()).as(name).isEqualTo("echo: hello from us\n");
                assertThat(echoed.closed()).as("BoringSSL's close_notify arrived").isTrue();
                assertThat(echoed.parameters().version()).isEqualTo(ProtocolVersion.TLS13);
                assertThat(echoed.parameters().group()).as(name).contains(KeyExchangeGroup.X25519MLKEM768);
                NettyBoringSsl.Served served = server.next();
                assertThat(served.checkedProtocol()).isEqualTo("TLSv1.3");
                assertThat(served.line()).isEqualTo("hello from us");
            }
        }
    }

    @Test
    void boringSslClientNegotiatesX25519Mlkem768WithOurServer() throws Exception {
        for (String[] groups : HYBRID_GROUP_LISTS) {
            String name = groups.length == 0 ? "Netty's default" : String.join(":", groups);
            try (OurServer server = new OurServer(InteropPki.EC.ourServer().build(), 1, false)) {
                NettyBoringSsl.Received received = NettyBoringSsl.echo(server.port(), InteropPki.EC,
                        "hello from boringssl", groups);

                assertThat(received.protocol()).isEqualTo("TLSv1.3");
                assertThat(received.text()).as(name).isEqualTo("echo: hello from boringssl\n");
                OurServer.Served served = server.next();
                assertThat(served.parameters().group()).as(name).contains(KeyExchangeGroup.X25519MLKEM768);
                assertThat(served.facts().helloRetryRequested()).as("BoringSSL sent the hybrid share at once").isFalse();
                assertThat(served.received()).isEqualTo("hello from boringssl\n");
                assertThat(served.closed()).isTrue();
            }
        }
    }

    @Test
    void classicalOnlyBoringSslPeersGetX25519FromOurDefaults() throws Exception {
        try (NettyBoringSsl.Server server = new NettyBoringSsl.Server(InteropPki.EC, "X25519", "P-256")) {
            OurClient.Echoed echoed = OurClient.echo(server.port(), InteropPki.EC.ourClient().build(),
                    List.of("classical"), false);
            assertThat(echoed.received()).isEqualTo("echo: classical\n");
            assertThat(echoed.parameters().group()).contains(KeyExchangeGroup.X25519);
            assertThat(server.next().checkedProtocol()).isEqualTo("TLSv1.3");
        }
        try (OurServer server = new OurServer(InteropPki.EC.ourServer().build(), 1, false)) {
            NettyBoringSsl.Received received = NettyBoringSsl.echo(server.port(), InteropPki.EC, "classical",
                    "X25519", "P-256");
            assertThat(received.text()).isEqualTo("echo: classical\n");
            assertThat(server.next().parameters().group()).contains(KeyExchangeGroup.X25519);
        }
    }

    /** BoringSSL offering only the hybrid and our side only classical groups: handshake_failure both ways. */
    @Test
    void aPostQuantumOnlyBoringSslPeerAndOurClassicalOnlySideShareNothing() throws Exception {
        TlsConfig classicalClient = InteropPki.EC.ourClient()
                .groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1).build();
        try (NettyBoringSsl.Server server = new NettyBoringSsl.Server(InteropPki.EC, "X25519MLKEM768")) {
            assertThatThrownBy(() -> OurClient.echo(server.port(), classicalClient, List.of("nothing shared"), false))
                    .isInstanceOf(TlsConnectionException.class)
                    .satisfies(e -> assertThat(((TlsConnectionException) e).failure()).map(TlsException::reason)
                            .contains(Reason.PEER_SENT_FATAL_ALERT));
            assertThat(server.next().failure()).as("BoringSSL's side of the failed handshake").hasMessageContaining("NO_SHARED_GROUP");
        }
        TlsConfig classicalServer = InteropPki.EC.ourServer()
                .groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1).build();
        try (OurServer server = new OurServer(classicalServer, 1, false)) {
            assertThatThrownBy(() -> NettyBoringSsl.echo(server.port(), InteropPki.EC, "nothing shared", "X25519MLKEM768"))
                    .as("BoringSSL received our handshake_failure alert")
                    .hasMessageContaining("SSLV3_ALERT_HANDSHAKE_FAILURE");
            OurServer.Served served = server.next();
            assertThat(served.failure()).isInstanceOf(TlsConnectionException.class);
            assertThat(((TlsConnectionException) served.failure()).failure()).map(TlsException::reason)
                    .contains(Reason.NO_COMMON_GROUP);
        }
    }
}
