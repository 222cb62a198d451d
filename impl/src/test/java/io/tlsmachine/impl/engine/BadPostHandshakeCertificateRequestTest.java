package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.impl.codec.message.Tls13CertificateRequest;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.Reason;
import io.tlsmachine.KeyLog;
import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.impl.keyschedule.TrafficKeys;
import io.tlsmachine.impl.keyschedule.TrafficSecret;
import io.tlsmachine.impl.keyschedule.Tls13Hkdf;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.record.RecordWriter;
import io.tlsmachine.impl.record.Tls13AeadProtection;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RFC 8446 §4.6.2, §4.3.2: CertificateRequests after the handshake that a TLS 1.3 client must refuse. The test plays
 * the server's record layer (its application traffic key comes from the client's key log), sends the crafted
 * request, and checks that the client fails for the one reason, sends exactly one record, the alert that reason
 * maps to, and that its trace is a path of the model.
 */
class BadPostHandshakeCertificateRequestTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Opaque CONTEXT = Opaque.ofHex("0102030405060708");
    private static final List<Extension> SIGNATURE_ALGORITHMS =
            List.of(new SignatureAlgorithms(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256)));

    @Test
    void requestToAClientThatDidNotOfferPostHandshakeAuthIsAnUnexpectedMessage() {
        Connection connection = Connection.open(false, true);

        connection.serverSends(request(CONTEXT, SIGNATURE_ALGORITHMS));

        connection.assertFailedWithOneAlert(Reason.UNEXPECTED_MESSAGE, AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void requestWithAnEmptyContextIsAnIllegalParameter() {
        Connection connection = Connection.open(true, true);

        connection.serverSends(request(Opaque.EMPTY, SIGNATURE_ALGORITHMS));

        connection.assertFailedWithOneAlert(Reason.ILLEGAL_PARAMETER, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void requestReusingTheContextOfAnEarlierRequestIsAnIllegalParameter() {
        Connection connection = Connection.open(true, true);
        connection.serverSends(request(CONTEXT, SIGNATURE_ALGORITHMS));
        assertThat(connection.client.isFailed()).as("the first request is answered").isFalse();
        assertThat(connection.clientRecords()).extracting(Record::type).containsOnly(ContentType.HANDSHAKE);

        connection.serverSends(request(CONTEXT, SIGNATURE_ALGORITHMS));

        connection.assertFailedWithOneAlert(Reason.ILLEGAL_PARAMETER, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void requestWithoutSignatureAlgorithmsIsAMissingExtensionForAClientWithACertificate() {
        Connection connection = Connection.open(true, true);

        connection.serverSends(requestWithOnlyAnUnknownExtension());

        connection.assertFailedWithOneAlert(Reason.MISSING_EXTENSION, AlertDescription.MISSING_EXTENSION);
    }

    @Test
    void requestWithoutSignatureAlgorithmsIsAMissingExtensionForAClientWithoutACertificate() {
        Connection connection = Connection.open(true, false);

        connection.serverSends(requestWithOnlyAnUnknownExtension());

        connection.assertFailedWithOneAlert(Reason.MISSING_EXTENSION, AlertDescription.MISSING_EXTENSION);
    }

    @Test
    void requestWhoseContextOverrunsTheMessageIsADecodeError() {
        Connection connection = Connection.open(true, true);

        // CertificateRequest (13), length 3: certificate_request_context<0..255> declares 8 bytes, 2 follow.
        connection.serverSends(HEX.parseHex("0d000003" + "080102"));

        connection.assertFailedWithOneAlert(Reason.MALFORMED_MESSAGE, AlertDescription.DECODE_ERROR);
    }

    @Test
    void requestWithATrailingByteIsADecodeError() {
        Connection connection = Connection.open(true, true);
        byte[] valid = request(CONTEXT, SIGNATURE_ALGORITHMS);
        byte[] longer = Arrays.copyOf(valid, valid.length + 1);
        int bodyLength = longer.length - 4;
        longer[1] = (byte) (bodyLength >> 16);
        longer[2] = (byte) (bodyLength >> 8);
        longer[3] = (byte) bodyLength;

        connection.serverSends(longer);

        connection.assertFailedWithOneAlert(Reason.TRAILING_BYTES, AlertDescription.DECODE_ERROR);
    }

    @Test
    void requestWithoutTheExtensionsBlockIsADecodeError() {
        Connection connection = Connection.open(true, true);

        // CertificateRequest (13), length 2: an empty context, then nothing where extensions<2..2^16-1> belong.
        connection.serverSends(HEX.parseHex("0d000002" + "0000"));

        assertThat(connection.client.isFailed()).isTrue();
        AlertDescription alert = connection.client.failure().orElseThrow().reason().alertToSend().orElseThrow();
        assertThat(alert).isEqualTo(AlertDescription.DECODE_ERROR);
        connection.assertFailedWithOneAlert(connection.client.failure().orElseThrow().reason(), AlertDescription.DECODE_ERROR);
    }

    /** A request with our context whose one extension is an unknown type (0xfafa, empty), which clients ignore. */
    private static byte[] requestWithOnlyAnUnknownExtension() {
        return HEX.parseHex("0d00000f" + "08" + CONTEXT.toHex() + "0004" + "fafa0000");
    }

    private static byte[] request(Opaque context, List<Extension> extensions) {
        return HandshakeCodec.encode(new Tls13CertificateRequest(context, extensions));
    }

    /** One record the client sent under its application traffic key: the real content type and content. */
    record Record(ContentType type, byte[] content) {
    }

    /** A connected TLS 1.3 pair whose server-to-client direction the test writes itself. */
    private static final class Connection {
        final EngineFixtures.Pair pair;
        final TlsEngine client;
        final RecordWriter serverWriter = new RecordWriter();
        final Aead clientAead;
        final byte[] clientIv;
        long clientSequence;
        int clientBytesRead;
        byte[] clientOutput = new byte[0];

        private Connection(EngineFixtures.Pair pair, Map<KeyLogLabel, byte[]> secrets) {
            this.pair = pair;
            this.client = pair.client;
            CryptoProvider crypto = CryptoProviders.fastest();
            Tls13Hkdf hkdf = new Tls13Hkdf(crypto, HashAlgorithm.SHA256);
            TrafficKeys serverKeys = TrafficSecret.of(hkdf, Secret.copyOf(secrets.get(KeyLogLabel.SERVER_TRAFFIC_SECRET_0)))
                    .trafficKeys(AeadAlgorithm.AES_128_GCM);
            serverWriter.setProtection(Tls13AeadProtection.create(Epoch.APPLICATION, crypto, serverKeys));
            TrafficKeys clientKeys = TrafficSecret.of(hkdf, Secret.copyOf(secrets.get(KeyLogLabel.CLIENT_TRAFFIC_SECRET_0)))
                    .trafficKeys(AeadAlgorithm.AES_128_GCM);
            clientAead = crypto.aead(clientKeys.aead(), clientKeys.key());
            clientIv = clientKeys.iv().bytes();
        }

        /**
         * Connects a TLS 1.3 client (offering post_handshake_auth or not, with a certificate or not) to a server
         * that sends no tickets, so the server has written no application record yet.
         */
        static Connection open(boolean offerPostHandshakeAuth, boolean clientCertificate) {
            Map<KeyLogLabel, byte[]> secrets = new EnumMap<>(KeyLogLabel.class);
            KeyLog capture = new KeyLog() {
                @Override
                public void log(KeyLogLabel label, byte[] clientRandom, byte[] secret) {
                    secrets.put(label, secret);
                }

                @Override
                public boolean enabled() {
                    return true;
                }
            };
            TlsConfigBuilder client = EngineFixtures.client(EC).versions(ProtocolVersion.TLS13)
                    .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256).postHandshakeAuth(offerPostHandshakeAuth)
                    .keyLog(capture);
            if (clientCertificate) {
                client.certifiedKey(EC.certifiedLeaf());
            }
            TlsConfig server = EngineFixtures.server(EC).versions(ProtocolVersion.TLS13).ticketsEnabled(false)
                    .certificateVerifier(CertificateVerifier.pkix(EC.anchors())).build();
            EngineFixtures.Pair pair = new EngineFixtures.Pair(client.build(), server).handshake();
            assertThat(pair.client.state()).isEqualTo(ClientState.CONNECTED);
            assertThat(pair.client.drainOutbound()).isEmpty();
            return new Connection(pair, secrets);
        }

        /** Protects {@code handshakeMessage} under the server's application traffic key and feeds it to the client. */
        void serverSends(byte[] handshakeMessage) {
            client.feed(serverWriter.write(ContentType.HANDSHAKE, handshakeMessage));
            byte[] sent = client.drainOutbound();
            clientOutput = concat(clientOutput, sent);
        }

        /** Opens the records the client sent since the last call. */
        List<Record> clientRecords() {
            List<Record> records = new ArrayList<>();
            while (clientBytesRead < clientOutput.length) {
                int length = ((clientOutput[clientBytesRead + 3] & 0xFF) << 8) | (clientOutput[clientBytesRead + 4] & 0xFF);
                byte[] header = Arrays.copyOfRange(clientOutput, clientBytesRead, clientBytesRead + 5);
                byte[] body = Arrays.copyOfRange(clientOutput, clientBytesRead + 5, clientBytesRead + 5 + length);
                byte[] inner = clientAead.open(Tls13AeadProtection.nonce(clientIv, clientSequence++), header, body);
                int type = inner.length - 1;
                while (inner[type] == 0) {
                    type--;
                }
                records.add(new Record(new ContentType(inner[type] & 0xFF), Arrays.copyOf(inner, type)));
                clientBytesRead += 5 + length;
            }
            return records;
        }

        void assertFailedWithOneAlert(Reason reason, AlertDescription alert) {
            assertThat(client.isFailed()).as("client state %s", client.state()).isTrue();
            assertThat(client.failure().orElseThrow().reason()).as(client.failure().orElseThrow().getMessage()).isEqualTo(reason);
            assertThat(reason.alertToSend()).contains(alert);
            List<Record> records = clientRecords();
            assertThat(records).as("exactly one record after failing").hasSize(1);
            assertThat(records.get(0).type()).isEqualTo(ContentType.ALERT);
            assertThat(records.get(0).content()).containsExactly(2, alert.code());
            client.feed(serverWriter.write(ContentType.HANDSHAKE, request(CONTEXT, SIGNATURE_ALGORITHMS)));
            assertThat(client.drainOutbound()).as("a failed client sends nothing more").isEmpty();
            pair.assertTracesArePathsOfTheModel();
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }
}
