package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.model.ProtocolVersion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem) with OpenSSL 3.5 through Node.js 26's {@code tls} module, both roles,
 * on 127.0.0.1: with the group set on the peer's side, and with both sides at their defaults; a peer that offers
 * only classical groups gets x25519 from our defaults.
 */
@Tag("slow")
@Timeout(60)
class NodeInteropTest {

    @TempDir
    Path dir;

    private InteropPki.PemFiles files;

    @BeforeEach
    void requireNode() {
        Peers.requireNode();
        files = InteropPki.EC.writePem(dir);
    }

    @Test
    void ourClientNegotiatesX25519Mlkem768WithANodeServer() throws Exception {
        for (String groups : List.of("X25519MLKEM768", "default")) {
            try (NodeTls.Server server = NodeTls.server(files, groups)) {
                OurClient.Echoed echoed = OurClient.echo(server.port(), InteropPki.EC.ourClient().build(),
                        List.of("hello from us"), false);

                assertThat(echoed.received()).as(groups).isEqualTo("echo: hello from us\n");
                assertThat(echoed.closed()).as("Node's close_notify arrived").isTrue();
                assertThat(echoed.parameters().version()).isEqualTo(ProtocolVersion.TLS13);
                assertThat(echoed.parameters().group()).as(groups).contains(KeyExchangeGroup.X25519MLKEM768);
            }
        }
    }

    @Test
    void nodeClientNegotiatesX25519Mlkem768WithOurServer() throws Exception {
        for (String groups : List.of("X25519MLKEM768", "default")) {
            try (OurServer server = new OurServer(InteropPki.EC.ourServer().build(), 1, false)) {
                String output = NodeTls.client(server.port(), files, groups);

                assertThat(output).as(groups).contains("GROUP X25519MLKEM768 TLSv1.3")
                        .contains("RECEIVED \"echo: hello from node\\n\"");
                OurServer.Served served = server.next();
                assertThat(served.parameters().group()).contains(KeyExchangeGroup.X25519MLKEM768);
                assertThat(served.closed()).isTrue();
            }
        }
    }

    @Test
    void classicalOnlyPeersGetX25519FromOurDefaults() throws Exception {
        try (NodeTls.Server server = NodeTls.server(files, "X25519:P-256")) {
            OurClient.Echoed echoed = OurClient.echo(server.port(), InteropPki.EC.ourClient().build(), List.of("classical"), false);
            assertThat(echoed.parameters().group()).contains(KeyExchangeGroup.X25519);
        }
        try (OurServer server = new OurServer(InteropPki.EC.ourServer().build(), 1, false)) {
            assertThat(NodeTls.client(server.port(), files, "X25519:P-256")).contains("GROUP X25519 TLSv1.3");
            assertThat(server.next().parameters().group()).contains(KeyExchangeGroup.X25519);
        }
    }

    @Test
    void aPostQuantumOnlyNodeServerAndAClassicalOnlyClientShareNothing() throws Exception {
        TlsConfig classical = InteropPki.EC.ourClient().groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1).build();
        try (NodeTls.Server server = NodeTls.server(files, "X25519MLKEM768")) {
            assertThatThrownBy(() -> OurClient.echo(server.port(), classical, List.of("nothing shared"), false))
                    .hasMessageContaining("PEER_SENT_FATAL_ALERT");
            server.process().awaitOutput(out -> out.contains("ERROR "), NodeTls.TIMEOUT);
            assertThat(server.process().output()).containsIgnoringCase("no suitable key share");
        }
    }
}
