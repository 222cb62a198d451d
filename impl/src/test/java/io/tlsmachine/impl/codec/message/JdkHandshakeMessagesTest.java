package io.tlsmachine.impl.codec.message;

import io.tlsmachine.model.analysis.Role;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.extension.ExtendedMasterSecret;
import io.tlsmachine.impl.codec.extension.KeyShareOffer;
import io.tlsmachine.impl.codec.extension.KeyShareSelected;
import io.tlsmachine.impl.codec.extension.RenegotiationInfo;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.extension.SupportedVersionSelected;
import io.tlsmachine.impl.codec.extension.SupportedVersionsOffer;
import io.tlsmachine.impl.codec.message.JdkHandshakeCapture.Captured;
import io.tlsmachine.impl.codec.message.JdkHandshakeCapture.KeyType;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decodes the plaintext handshake messages of real JDK handshakes (an independent implementation)
 * and checks that each re-encodes to its exact bytes and that the flight has the RFC shape.
 */
class JdkHandshakeMessagesTest {

    @ParameterizedTest(name = "{0} {1} client auth {2}")
    @CsvSource({
        "EC,  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, false, ECDHE",
        "EC,  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, true,  ECDHE",
        "RSA, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,   true,  ECDHE",
        "RSA, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,     false, DHE",
        "RSA, TLS_RSA_WITH_AES_128_GCM_SHA256,         true,  RSA",
    })
    void tls12FlightsDecodeAndReencodeExactly(KeyType keyType, String suite, boolean clientAuth,
            KeyExchangeKind keyExchange) throws Exception {
        Captured captured = JdkHandshakeCapture.handshake(keyType, "TLSv1.2", suite, clientAuth);
        assertThat(captured.protocol()).isEqualTo("TLSv1.2");

        List<HandshakeMessage> server = decodeAll(captured.fromServer(), Role.SERVER, keyExchange);
        ServerHello serverHello = (ServerHello) server.get(0);
        assertThat(KeyExchangeKind.of(serverHello.cipherSuite())).contains(keyExchange);
        assertThat(serverHello.extension(ExtendedMasterSecret.class)).isPresent();
        assertThat(serverHello.extension(RenegotiationInfo.class)).isPresent();
        assertThat(server.get(1)).isInstanceOfSatisfying(Tls12Certificate.class,
                certificate -> assertThat(certificate.certificates()).hasSize(1));
        int next = 2;
        if (keyExchange != KeyExchangeKind.RSA) {
            assertThat(server.get(next++)).isInstanceOf(keyExchange == KeyExchangeKind.ECDHE
                    ? EcdheServerKeyExchange.class : DheServerKeyExchange.class);
        }
        if (clientAuth) {
            assertThat(server.get(next++)).isInstanceOfSatisfying(Tls12CertificateRequest.class,
                    request -> assertThat(request.supportedSignatureAlgorithms()).isNotEmpty());
        }
        assertThat(server.get(next)).isInstanceOf(ServerHelloDone.class);

        List<HandshakeMessage> client = decodeAll(captured.fromClient(), Role.CLIENT, keyExchange);
        ClientHello clientHello = (ClientHello) client.get(0);
        assertThat(clientHello.cipherSuites()).contains(serverHello.cipherSuite());
        assertThat(clientHello.extension(SignatureAlgorithms.class)).isPresent();
        List<Class<?>> clientFlight = new ArrayList<>();
        client.subList(1, client.size()).forEach(m -> clientFlight.add(m.getClass()));
        assertThat(clientFlight).containsExactlyElementsOf(clientAuth
                ? List.of(Tls12Certificate.class, expectedClientKeyExchange(keyExchange), CertificateVerify.class)
                : List.of(expectedClientKeyExchange(keyExchange)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"EC, TLS_AES_128_GCM_SHA256", "RSA, TLS_AES_256_GCM_SHA384", "EC, TLS_CHACHA20_POLY1305_SHA256"})
    void tls13HellosDecodeAndReencodeExactly(KeyType keyType, String suite) throws Exception {
        Captured captured = JdkHandshakeCapture.handshake(keyType, "TLSv1.3", suite, false);
        assertThat(captured.protocol()).isEqualTo("TLSv1.3");
        assertThat(captured.fromClient()).hasSize(1);
        assertThat(captured.fromServer()).hasSize(1);

        ClientHello clientHello = (ClientHello) decodeExactly(captured.fromClient().get(0),
                DecodeContext.beforeNegotiation(Role.CLIENT));
        assertThat(clientHello.extension(SupportedVersionsOffer.class).orElseThrow().versions())
                .contains(VersionCode.TLS13);
        assertThat(clientHello.extension(KeyShareOffer.class).orElseThrow().shares()).isNotEmpty();

        ServerHello serverHello = (ServerHello) decodeExactly(captured.fromServer().get(0),
                DecodeContext.beforeNegotiation(Role.SERVER));
        assertThat(serverHello.cipherSuite().isTls13()).isTrue();
        assertThat(serverHello.cipherSuite()).isNotEqualTo(CipherSuite.TLS_FALLBACK_SCSV);
        assertThat(serverHello.extension(SupportedVersionSelected.class).orElseThrow().version())
                .isEqualTo(VersionCode.TLS13);
        assertThat(serverHello.extension(KeyShareSelected.class)).isPresent();
        assertThat(serverHello.legacySessionIdEcho()).isEqualTo(clientHello.legacySessionId());
    }

    private static Class<?> expectedClientKeyExchange(KeyExchangeKind keyExchange) {
        return switch (keyExchange) {
            case ECDHE -> EcdheClientKeyExchange.class;
            case DHE -> DheClientKeyExchange.class;
            case RSA -> RsaClientKeyExchange.class;
        };
    }

    private static List<HandshakeMessage> decodeAll(List<byte[]> messages, Role sender, KeyExchangeKind keyExchange) {
        List<HandshakeMessage> decoded = new ArrayList<>();
        for (byte[] message : messages) {
            DecodeContext context = decoded.isEmpty()
                    ? DecodeContext.beforeNegotiation(sender) : DecodeContext.tls12(sender, keyExchange);
            decoded.add(decodeExactly(message, context));
        }
        return decoded;
    }

    private static HandshakeMessage decodeExactly(byte[] message, DecodeContext context) {
        HandshakeMessage decoded = HandshakeCodec.decode(message, context);
        assertThat(HandshakeCodec.encode(decoded)).as("%s", decoded).isEqualTo(message);
        return decoded;
    }
}
