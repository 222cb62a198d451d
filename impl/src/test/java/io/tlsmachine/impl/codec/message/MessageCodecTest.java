package io.tlsmachine.impl.codec.message;

import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.Alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.RandomValues;
import io.tlsmachine.impl.codec.extension.SupportedVersionSelected;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.AlertLevel;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.HandshakeType;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.impl.error.DecodeException;
import io.tlsmachine.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Message-specific rules of the handshake codecs, beyond the properties every message shares. */
class MessageCodecTest {
    private static final DecodeContext BEFORE = DecodeContext.beforeNegotiation(Role.SERVER);
    private static final DecodeContext TLS13 = DecodeContext.tls13(Role.SERVER, 32);

    @Test
    void decodesAServerHelloWithTheSpecialRandomAsAHelloRetryRequest() {
        HelloRetryRequest retry = new HelloRetryRequest(VersionCode.TLS12, Opaque.EMPTY,
                CipherSuite.TLS_AES_128_GCM_SHA256, 0, List.of(new SupportedVersionSelected(VersionCode.TLS13)));
        byte[] encoded = HandshakeCodec.encode(retry);
        assertThat(encoded[0]).isEqualTo((byte) HandshakeType.SERVER_HELLO.code());
        assertThat(Opaque.of(Arrays.copyOfRange(encoded, 6, 38))).isEqualTo(HelloRetryRequest.RANDOM);
        assertThat(HandshakeCodec.decode(encoded, BEFORE)).isEqualTo(retry);
    }

    @Test
    void helloRetryRequestRandomIsTheSha256OfItsName() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest("HelloRetryRequest".getBytes(StandardCharsets.US_ASCII));
        assertThat(HelloRetryRequest.RANDOM).isEqualTo(Opaque.of(digest));
    }

    @Test
    void aServerHelloCannotCarryTheHelloRetryRequestRandom() {
        assertThatThrownBy(() -> new ServerHello(VersionCode.TLS12, HelloRetryRequest.RANDOM, Opaque.EMPTY,
                CipherSuite.TLS_AES_128_GCM_SHA256, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recognisesTheDowngradeSentinelsAtTheEndOfTheServerRandom() {
        byte[] random = new RandomValues(5).bytes(32).toByteArray();
        assertThat(serverHelloWithRandom(random).downgradeSentinel()).isEmpty();
        System.arraycopy("DOWNGRD".getBytes(StandardCharsets.US_ASCII), 0, random, 24, 7);
        random[31] = 1;
        assertThat(serverHelloWithRandom(random).downgradeSentinel()).contains(VersionCode.TLS12);
        random[31] = 0;
        assertThat(serverHelloWithRandom(random).downgradeSentinel()).contains(VersionCode.TLS11);
        random[31] = 2;
        assertThat(serverHelloWithRandom(random).downgradeSentinel()).isEmpty();
    }

    private static ServerHello serverHelloWithRandom(byte[] random) {
        return new ServerHello(VersionCode.TLS12, Opaque.of(random), Opaque.EMPTY,
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 0, List.of());
    }

    @Test
    void aClientHelloWithoutExtensionsReencodesWithoutAnExtensionBlock() {
        ClientHello hello = new ClientHello(VersionCode.TLS12, Opaque.of(new byte[32]), Opaque.EMPTY,
                List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), Opaque.ofUnsigned(0), List.of(), false);
        byte[] encoded = HandshakeCodec.encode(hello);
        assertThat(encoded).hasSize(4 + 2 + 32 + 1 + 4 + 2);
        ClientHello decoded = (ClientHello) HandshakeCodec.decode(encoded, BEFORE);
        assertThat(decoded.extensionsPresent()).isFalse();
        ClientHello withEmptyBlock = new ClientHello(VersionCode.TLS12, Opaque.of(new byte[32]), Opaque.EMPTY,
                List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), Opaque.ofUnsigned(0), List.of());
        assertThat(HandshakeCodec.encode(withEmptyBlock)).hasSize(encoded.length + 2);
        assertThat(((ClientHello) HandshakeCodec.decode(HandshakeCodec.encode(withEmptyBlock), BEFORE))
                .extensionsPresent()).isTrue();
    }

    @Test
    void rejectsALegacySessionIdLongerThan32Bytes() {
        byte[] body = new ByteWriter().u16(0x0303).bytes(new byte[32]).prefixed8(w -> w.bytes(new byte[33]))
                .prefixed16(w -> w.u16(0x1301)).prefixed8(w -> w.u8(0)).toByteArray();
        assertThatThrownBy(() -> HandshakeCodec.decode(frame(1, body), BEFORE))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.LENGTH_OUT_OF_RANGE);
                    assertThat(e.what()).contains("legacy_session_id");
                    assertThat(e.offset()).isEqualTo(4 + 2 + 32);
                });
    }

    @Test
    void rejectsAClientHelloWithoutCipherSuitesOrCompressionMethods() {
        byte[] noSuites = new ByteWriter().u16(0x0303).bytes(new byte[32]).u8(0).u16(0).prefixed8(w -> w.u8(0))
                .toByteArray();
        byte[] noCompression = new ByteWriter().u16(0x0303).bytes(new byte[32]).u8(0).prefixed16(w -> w.u16(0x1301))
                .u8(0).toByteArray();
        assertThatThrownBy(() -> HandshakeCodec.decode(frame(1, noSuites), BEFORE))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.what()).contains("cipher_suites"));
        assertThatThrownBy(() -> HandshakeCodec.decode(frame(1, noCompression), BEFORE))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.what()).contains("legacy_compression_methods"));
    }

    @Test
    void rejectsARandomShorterThan32Bytes() {
        byte[] body = new ByteWriter().u16(0x0303).bytes(new byte[31]).toByteArray();
        assertThatThrownBy(() -> HandshakeCodec.decode(frame(2, body), BEFORE))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.what()).contains("random"));
    }

    @Test
    void rejectsFinishedWhoseLengthIsNotTheNegotiatedOne() {
        assertThatThrownBy(() -> HandshakeCodec.decode(frame(20, new byte[12]), TLS13))
                .isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> HandshakeCodec.decode(frame(20, new byte[33]), TLS13))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TRAILING_BYTES));
        DecodeContext tls12 = DecodeContext.tls12(Role.CLIENT, KeyExchangeKind.ECDHE);
        assertThat(HandshakeCodec.decode(frame(20, new byte[12]), tls12)).isEqualTo(new Finished(Opaque.of(new byte[12])));
    }

    @Test
    void finishedDoesNotPrintItsVerifyData() {
        Finished finished = new Finished(Opaque.ofHex("ab".repeat(32)));
        assertThat(finished.toString()).doesNotContain("abab").contains("32 bytes");
    }

    @Test
    void newSessionTicketDoesNotPrintItsAgeAddNonceOrTicket() {
        Tls13NewSessionTicket ticket = new Tls13NewSessionTicket(7200, 0x12345678L, Opaque.ofHex("abab"),
                Opaque.ofHex("cdcdcd"), List.of());
        assertThat(ticket.toString()).contains("7200").doesNotContain("305419896").doesNotContain("abab")
                .doesNotContain("cdcd");
    }

    @Test
    void rejectsKeyUpdateWithAnUnknownRequestAsIllegalParameter() {
        assertThat(HandshakeCodec.decode(frame(24, new byte[] {1}), TLS13)).isEqualTo(new KeyUpdate(true));
        assertThatThrownBy(() -> HandshakeCodec.decode(frame(24, new byte[] {2}), TLS13))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_PARAMETER);
                    assertThat(e.offset()).isEqualTo(4);
                });
    }

    @Test
    void rejectsAServerKeyExchangeWithAnExplicitCurve() {
        byte[] body = new ByteWriter().u8(1).u16(0x17).prefixed8(w -> w.u8(4)).u16(0x0403).prefixed16(w -> { })
                .toByteArray();
        DecodeContext ecdhe = DecodeContext.tls12(Role.SERVER, KeyExchangeKind.ECDHE);
        assertThatThrownBy(() -> HandshakeCodec.decode(frame(12, body), ecdhe))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_PARAMETER));
    }

    @Test
    void serverKeyExchangeGivesTheParamsItsSignatureCovers() {
        EcdheServerKeyExchange exchange = new EcdheServerKeyExchange(NamedGroup.X25519, Opaque.of(new byte[32]),
                SignatureScheme.ECDSA_SECP256R1_SHA256, Opaque.ofUnsigned(1, 2));
        byte[] params = exchange.encodedParams();
        assertThat(Opaque.of(params).toHex()).startsWith("03001d20").hasSize(2 * (4 + 32));
        byte[] encoded = HandshakeCodec.encodeBody(exchange);
        assertThat(Arrays.copyOf(encoded, params.length)).isEqualTo(params);
    }

    @Test
    void rejectsAKeyExchangeMessageTheNegotiatedKeyExchangeDoesNotHave() {
        DecodeContext rsa = DecodeContext.tls12(Role.SERVER, KeyExchangeKind.RSA);
        assertThatThrownBy(() -> HandshakeCodec.decode(frame(12, new byte[10]), rsa))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_MESSAGE));
        assertThatThrownBy(() -> HandshakeCodec.decode(frame(16, new byte[] {1, 4}), TLS13))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_MESSAGE));
    }

    @Test
    void decodesClientKeyExchangeByTheNegotiatedKeyExchange() {
        byte[] body = {0, 2, 7, 8};
        assertThat(HandshakeCodec.decode(frame(16, body), DecodeContext.tls12(Role.CLIENT, KeyExchangeKind.RSA)))
                .isEqualTo(new RsaClientKeyExchange(Opaque.ofUnsigned(7, 8)));
        assertThat(HandshakeCodec.decode(frame(16, body), DecodeContext.tls12(Role.CLIENT, KeyExchangeKind.DHE)))
                .isEqualTo(new DheClientKeyExchange(Opaque.ofUnsigned(7, 8)));
        assertThatThrownBy(() -> HandshakeCodec.decode(frame(16, body),
                DecodeContext.tls12(Role.CLIENT, KeyExchangeKind.ECDHE))).isInstanceOf(DecodeException.class);
    }

    @Test
    void rejectsVersionDependentMessagesBeforeTheVersionIsNegotiatedAsUnexpected() {
        for (int type : new int[] {4, 11, 13, 20, 254}) {
            assertThatThrownBy(() -> HandshakeCodec.decode(frame(type, new byte[] {0, 0, 0}), BEFORE))
                    .as("type %d", type)
                    .isInstanceOfSatisfying(DecodeException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_MESSAGE));
        }
    }

    @Test
    void decodesCertificateAndTicketByTheNegotiatedVersion() {
        DecodeContext tls12 = DecodeContext.tls12(Role.SERVER, KeyExchangeKind.ECDHE);
        assertThat(HandshakeCodec.decode(frame(11, new byte[] {0, 0, 0}), tls12))
                .isEqualTo(new Tls12Certificate(List.of()));
        assertThat(HandshakeCodec.decode(frame(4, new byte[] {0, 0, 0, 9, 0, 0}), tls12))
                .isEqualTo(new Tls12NewSessionTicket(9, Opaque.EMPTY));
        assertThat(HandshakeCodec.decode(frame(11, new byte[] {0, 0, 0, 0}), TLS13))
                .isEqualTo(new Tls13Certificate(Opaque.EMPTY, List.of()));
        DecodeContext draft = new DecodeContext(Optional.of(new VersionCode(0x7F1C)), Role.SERVER,
                Optional.empty(), OptionalInt.of(32));
        assertThat(HandshakeCodec.decode(frame(11, new byte[] {0, 0, 0, 0}), draft)).isInstanceOf(Tls13Certificate.class);
    }

    @Test
    void rejectsUnknownAndUnsupportedHandshakeTypesAsUnexpected() {
        for (int type : new int[] {3, 6, 21, 22, 23, 99, 255}) {
            assertThatThrownBy(() -> HandshakeCodec.decode(frame(type, new byte[0]), TLS13)).as("type %d", type)
                    .isInstanceOfSatisfying(DecodeException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_MESSAGE));
        }
    }

    @Test
    void emptyMessagesMustHaveEmptyBodies() {
        assertThat(HandshakeCodec.decode(frame(14, new byte[0]), TLS13)).isEqualTo(new ServerHelloDone());
        assertThatThrownBy(() -> HandshakeCodec.decode(frame(5, new byte[1]), TLS13))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TRAILING_BYTES));
        assertThatThrownBy(() -> HandshakeCodec.decode(frame(0, new byte[1]), BEFORE)).isInstanceOf(DecodeException.class);
    }

    @Test
    void messageHashFramesTheHashOfClientHello1() {
        byte[] hash = new RandomValues(1).bytes(32).toByteArray();
        byte[] encoded = HandshakeCodec.encode(new MessageHash(Opaque.of(hash)));
        assertThat(Opaque.of(encoded).toHex()).isEqualTo("fe000020" + Opaque.of(hash).toHex());
    }

    @Test
    void messageLengthReadsTheFrameHeader() {
        byte[] buffer = {9, 9, 1, 0, 0, 5, 0};
        assertThat(HandshakeCodec.messageLength(buffer, 2, 5)).hasValue(9);
        assertThat(HandshakeCodec.messageLength(buffer, 2, 3)).isEmpty();
    }

    @Test
    void keyExchangeKindFollowsTheCipherSuite() {
        assertThat(KeyExchangeKind.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384)).contains(KeyExchangeKind.ECDHE);
        assertThat(KeyExchangeKind.of(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256)).contains(KeyExchangeKind.DHE);
        assertThat(KeyExchangeKind.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)).contains(KeyExchangeKind.RSA);
        assertThat(KeyExchangeKind.of(CipherSuite.TLS_AES_128_GCM_SHA256)).isEmpty();
    }

    @Test
    void changeCipherSpecIsExactlyTheByteOne() {
        assertThat(new ChangeCipherSpec().encode()).containsExactly(1);
        assertThat(ChangeCipherSpec.decode(new byte[] {1})).isEqualTo(new ChangeCipherSpec());
        assertThatThrownBy(() -> ChangeCipherSpec.decode(new byte[] {2}))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_MESSAGE));
        // RFC 8446 §5: any other change_cipher_spec value is unexpected_message, whatever its length.
        for (byte[] other : new byte[][] {new byte[0], {1, 1}, {1, 0}, {0}}) {
            assertThatThrownBy(() -> ChangeCipherSpec.decode(other))
                    .isInstanceOfSatisfying(DecodeException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_MESSAGE));
        }
    }

    @Test
    void alertsRoundTripEveryLevelAndDescription() {
        for (int level = 0; level < 256; level++) {
            for (int description = 0; description < 256; description++) {
                Alert alert = new Alert(new AlertLevel(level), new AlertDescription(description));
                byte[] encoded = alert.encode();
                assertThat(encoded).hasSize(2);
                if (!Alert.decode(encoded).equals(alert)) {
                    throw new AssertionError(alert + " does not round trip");
                }
            }
        }
        assertThat(Alert.fatal(AlertDescription.DECODE_ERROR).encode()).containsExactly(2, 50);
    }

    @Test
    void rejectsAlertsThatAreNotTwoBytes() {
        assertThatThrownBy(() -> Alert.decode(new byte[] {2})).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> Alert.decode(new byte[] {2, 40, 0}))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TRAILING_BYTES));
    }

    private static byte[] frame(int type, byte[] body) {
        return new ByteWriter().u8(type).prefixed24(w -> w.bytes(body)).toByteArray();
    }
}
