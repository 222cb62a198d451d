package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.TlsClient;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConnection;
import io.tlsmachine.CertificateChain;
import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.impl.certificate.PemWriter;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.TestPki;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * secp521r1 key exchange (NamedGroup 0x0019) and a P-521 certificate with OpenSSL 3 on 127.0.0.1, both roles and both
 * versions; in TLS 1.3 the CertificateVerify scheme is ecdsa_secp521r1_sha512 (RFC 8446 §4.2.3 binds the curve).
 */
@Tag("slow")
class OpenSslP521InteropTest {

    private static final TestPki.Hierarchy P521 = new TestPki(new SecureRandom())
            .hierarchy("Interop P-521", CertificateKeyType.EC_P521, InteropPki.HOST, Instant.now());

    @TempDir
    Path dir;

    @BeforeEach
    void requireOpenssl() {
        Peers.requireOpenssl();
    }

    private InteropPki.PemFiles pem() {
        Path leaf = dir.resolve("p521-leaf.pem");
        Path chain = dir.resolve("p521-chain.pem");
        Path key = dir.resolve("p521-key.pem");
        Path root = dir.resolve("p521-root.pem");
        Path leafAndChain = dir.resolve("p521-leaf-and-chain.pem");
        PemWriter.write(CertificateChain.of(P521.leaf().certificate()), leaf);
        PemWriter.write(CertificateChain.of(P521.intermediate().certificate()), chain);
        PemWriter.write(P521.certifiedLeaf().privateKey(), key);
        PemWriter.write(CertificateChain.of(P521.root().certificate()), root);
        PemWriter.write(P521.chain(), leafAndChain);
        return new InteropPki.PemFiles(leaf, chain, key, root, leafAndChain);
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"TLS13", "TLS12"})
    void ourClientUsesP521WithOpensslServer(ProtocolVersion version) throws Exception {
        TlsConfig client = TlsConfig.builder().serverName(InteropPki.HOST).versions(version)
                .certificateVerifier(CertificateVerifier.pkix(P521.anchors()))
                .groups(KeyExchangeGroup.SECP521R1).keyShareGroups(KeyExchangeGroup.SECP521R1).build();
        try (PeerProcess server = PeerProcess.start(OpenSsl.sServer(pem(), version,
                List.of("-www", "-groups", "P-521", "-naccept", "1")))) {
            InetSocketAddress address = OpenSsl.awaitAccepting(server);
            try (TlsConnection connection = TlsClient.connect(address, client, t -> { }, OpenSsl.TIMEOUT)) {
                connection.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String page = new String(connection.readAll(1 << 20), StandardCharsets.ISO_8859_1);
                assertThat(page).as(server.output()).contains("Protocol  : " + OpenSsl.protocol(version));
                NegotiatedParameters negotiated = connection.engine().negotiated().orElseThrow();
                assertThat(negotiated.group()).contains(KeyExchangeGroup.SECP521R1);
                if (version == ProtocolVersion.TLS13) {
                    assertThat(negotiated.signatureScheme()).contains(SignatureAlgorithm.ECDSA_SECP521R1_SHA512);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"TLS13", "TLS12"})
    void opensslClientUsesP521WithOurServer(ProtocolVersion version) throws Exception {
        TlsConfig server = TlsConfig.builder().certifiedKey(P521.certifiedLeaf()).versions(version)
                .groups(KeyExchangeGroup.SECP521R1).build();
        OurServer.Served served = OpenSsl.echoWithClient(pem(), version, List.of("-groups", "P-521"), server);

        assertThat(served.parameters().group()).contains(KeyExchangeGroup.SECP521R1);
        if (version == ProtocolVersion.TLS13) {
            assertThat(served.parameters().signatureScheme()).contains(SignatureAlgorithm.ECDSA_SECP521R1_SHA512);
        }
    }
}
