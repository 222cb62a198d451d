package io.tlsmachine.impl.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.testkit.TestPki;
import io.tlsmachine.impl.engine.TestRecords;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.model.ProtocolVersion;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our own engines' plaintext hellos (the handshake messages a test sees on the wire without keys) obey the extension
 * table: each side's hello, seen through an {@link OwnExtensionWatch} fed with what the peer sent, has no violation.
 */
class OwnHellosObeyTheTableTest {
    private static final String HOST = "server.test";
    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int HANDSHAKE = 22;
    private static final int APPLICATION_DATA = 23;
    private static final TestPki.Hierarchy PKI =
            new TestPki(seeded()).hierarchy("Own hellos", CertificateKeyType.EC_P256, HOST, Instant.now());

    @Test
    void ourTls13HellosObeyTheTable() {
        assertThat(violations(ProtocolVersion.TLS13)).isEmpty();
    }

    @Test
    void ourTls12HellosObeyTheTable() {
        assertThat(violations(ProtocolVersion.TLS12)).isEmpty();
    }

    private static List<String> violations(ProtocolVersion version) {
        TlsEngine client = TlsEngine.client(TlsConfig.builder().serverName(HOST).versions(version)
                .applicationProtocols("h2").certificateVerifier(CertificateVerifier.pkix(PKI.anchors())).build());
        TlsEngine server = TlsEngine.server(TlsConfig.builder().certifiedKey(PKI.certifiedLeaf()).versions(version)
                .applicationProtocols("h2").build());
        OwnExtensionWatch clientWatch = new OwnExtensionWatch(Role.CLIENT);
        OwnExtensionWatch serverWatch = new OwnExtensionWatch(Role.SERVER);
        List<String> violations = new ArrayList<>();
        int hellos = 0;
        boolean[] clientProtected = {false};
        boolean[] serverProtected = {false};
        client.beginHandshake();
        for (int round = 0; round < 32; round++) {
            byte[] toServer = client.drainOutbound();
            byte[] toClient = server.drainOutbound();
            if (toServer.length == 0 && toClient.length == 0) {
                break;
            }
            for (byte[] hello : plaintextHellos(toServer, clientProtected)) {
                hellos++;
                clientWatch.sent(hello, DecodeContext.beforeNegotiation(Role.CLIENT))
                        .ifPresent(v -> violations.add("client: " + v.failure().getMessage()));
                serverWatch.received(hello, DecodeContext.beforeNegotiation(Role.CLIENT));
            }
            for (byte[] hello : plaintextHellos(toClient, serverProtected)) {
                hellos++;
                serverWatch.sent(hello, DecodeContext.beforeNegotiation(Role.SERVER))
                        .ifPresent(v -> violations.add("server: " + v.failure().getMessage()));
                clientWatch.received(hello, DecodeContext.beforeNegotiation(Role.SERVER));
            }
            server.feed(toServer);
            client.feed(toClient);
        }
        assertThat(hellos).as("ClientHello and ServerHello seen").isEqualTo(2);
        assertThat(client.isHandshakeComplete()).as("handshake completed").isTrue();
        return violations;
    }

    /**
     * Returns the ClientHello and ServerHello messages in plaintext handshake records (our writer puts one message in
     * a record); {@code protectedFrom[0]} turns true at the direction's first ChangeCipherSpec or application_data
     * record, after which handshake records are ciphertext (TLS 1.2's Finished).
     */
    private static List<byte[]> plaintextHellos(byte[] bytes, boolean[] protectedFrom) {
        List<byte[]> hellos = new ArrayList<>();
        for (byte[] record : TestRecords.split(bytes)) {
            if (record[0] == CHANGE_CIPHER_SPEC || record[0] == APPLICATION_DATA) {
                protectedFrom[0] = true;
            }
            if (!protectedFrom[0] && record[0] == HANDSHAKE && (record[5] == 1 || record[5] == 2)) {
                hellos.add(Arrays.copyOfRange(record, 5, record.length));
            }
        }
        return hellos;
    }

    private static SecureRandom seeded() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(11);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
