package io.tlsmachine.impl.codec.message;

import io.tlsmachine.model.analysis.Role;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.Cookie;
import io.tlsmachine.impl.codec.extension.EarlyData;
import io.tlsmachine.impl.codec.extension.EarlyDataLimit;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.KeyShareOffer;
import io.tlsmachine.impl.codec.extension.KeyShareRetry;
import io.tlsmachine.impl.codec.extension.KeyShareSelected;
import io.tlsmachine.impl.codec.extension.Padding;
import io.tlsmachine.impl.codec.extension.PreSharedKeyOffer;
import io.tlsmachine.impl.codec.extension.PreSharedKeySelected;
import io.tlsmachine.impl.codec.extension.PskKeyExchangeModes;
import io.tlsmachine.impl.codec.extension.RecordSizeLimit;
import io.tlsmachine.impl.codec.extension.ServerName;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.extension.SupportedGroups;
import io.tlsmachine.impl.codec.extension.SupportedVersionSelected;
import io.tlsmachine.impl.codec.extension.SupportedVersionsOffer;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.PskKeyExchangeMode;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.impl.vectors.TraceFile;
import io.tlsmachine.impl.vectors.TraceScenario;
import io.tlsmachine.impl.vectors.TraceSide;
import io.tlsmachine.impl.vectors.TraceStep;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Decodes the real handshake messages of the TLS 1.3 example traces (draft-ietf-tls-tls13-vectors,
 * {@code shared/rfc/tls13-vectors-draft-latest.txt}, read by {@link TraceFile}) and checks that each
 * re-encodes to the same bytes and that its key fields are what the trace says.
 */
class Tls13TraceMessagesTest {
    private static final Pattern CONSTRUCT = Pattern.compile("construct a (\\w+) handshake message");

    /** One handshake message shown in a trace. */
    record TracedMessage(TraceScenario scenario, TraceStep step, String name, byte[] bytes) {
        Role sender() {
            return step.side() == TraceSide.CLIENT ? Role.CLIENT : Role.SERVER;
        }

        HandshakeMessage decode() {
            // every trace negotiates TLS_AES_128_GCM_SHA256: 32-byte Finished
            return HandshakeCodec.decode(bytes, DecodeContext.tls13(sender(), 32));
        }

        @Override
        public String toString() {
            return scenario + " " + step;
        }
    }

    /**
     * Returns every constructed handshake message of the traces. A ClientHello offering a PSK is
     * shown truncated before its binders (the bytes the binder covers); its complete bytes are the
     * payload of the client's next "send handshake record" step.
     */
    static List<TracedMessage> messages() {
        List<TracedMessage> messages = new ArrayList<>();
        for (TraceScenario scenario : TraceFile.load().scenarios()) {
            List<TraceStep> steps = scenario.steps();
            for (int i = 0; i < steps.size(); i++) {
                TraceStep step = steps.get(i);
                Matcher construct = CONSTRUCT.matcher(step.action());
                if (construct.matches() && step.has(construct.group(1))) {
                    byte[] bytes = step.value(construct.group(1));
                    if (isTruncated(bytes)) {
                        bytes = nextPayload(steps, i, step.side());
                    }
                    messages.add(new TracedMessage(scenario, step, construct.group(1), bytes));
                }
            }
        }
        return messages;
    }

    static boolean isTruncated(byte[] message) {
        int declared = ((message[1] & 0xFF) << 16) | ((message[2] & 0xFF) << 8) | (message[3] & 0xFF);
        return message.length < HandshakeCodec.HEADER_LENGTH + declared;
    }

    static byte[] nextPayload(List<TraceStep> steps, int from, TraceSide side) {
        return steps.subList(from + 1, steps.size()).stream()
                .filter(s -> s.side() == side && s.action().equals("send handshake record"))
                .findFirst().orElseThrow().value("payload");
    }

    /** Returns the truncated ClientHello the trace shows for the PSK binder of a section. */
    static byte[] truncatedClientHello(int section) {
        TraceScenario scenario = TraceFile.load().scenario(section);
        return scenario.steps().stream().filter(s -> s.action().equals("construct a ClientHello handshake message"))
                .map(s -> s.value("ClientHello")).filter(Tls13TraceMessagesTest::isTruncated).findFirst().orElseThrow();
    }

    static List<HandshakeMessage> decoded(int section, String name) {
        return messages().stream().filter(m -> m.scenario().section() == section && m.name().equals(name))
                .map(TracedMessage::decode).toList();
    }

    @Test
    void everyHandshakeMessageOfTheTracesDecodesAndReencodesToItsExactBytes() {
        List<TracedMessage> messages = messages();
        for (TracedMessage message : messages) {
            HandshakeMessage decoded = message.decode();
            assertThat(HandshakeCodec.encode(decoded)).as("%s", message).isEqualTo(message.bytes());
            String simpleName = decoded.getClass().getSimpleName().replace("Tls13", "");
            assertThat(simpleName).as("%s", message).isIn(message.name(), "HelloRetryRequest");
        }
        assertThat(messages).extracting(TracedMessage::name).contains("ClientHello", "ServerHello",
                "EncryptedExtensions", "Certificate", "CertificateRequest", "CertificateVerify", "Finished",
                "NewSessionTicket", "EndOfEarlyData");
        assertThat(messages).hasSizeGreaterThanOrEqualTo(35);
    }

    @Test
    void simpleHandshakeClientHelloOffersTheTls13SuitesAndAnX25519Share() {
        ClientHello hello = (ClientHello) decoded(3, "ClientHello").get(0);
        assertThat(hello.legacyVersion()).isEqualTo(VersionCode.TLS12);
        assertThat(hello.legacySessionId().isEmpty()).isTrue();
        assertThat(hello.cipherSuites()).containsExactly(CipherSuite.TLS_AES_128_GCM_SHA256,
                CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384);
        assertThat(hello.legacyCompressionMethods()).isEqualTo(Opaque.ofUnsigned(0));
        assertThat(hello.extension(ServerName.class).orElseThrow().names().get(0).nameAsAscii()).isEqualTo("server");
        assertThat(hello.extension(SupportedVersionsOffer.class).orElseThrow().versions())
                .containsExactly(VersionCode.TLS13);
        assertThat(hello.extension(KeyShareOffer.class).orElseThrow().shares()).singleElement().satisfies(share -> {
            assertThat(share.group()).isEqualTo(NamedGroup.X25519);
            assertThat(share.keyExchange().length()).isEqualTo(32);
        });
        assertThat(hello.extension(SupportedGroups.class).orElseThrow().groups()).startsWith(NamedGroup.X25519,
                NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.SECP521R1, NamedGroup.FFDHE2048);
        assertThat(hello.extension(PskKeyExchangeModes.class).orElseThrow().modes())
                .containsExactly(PskKeyExchangeMode.PSK_DHE_KE);
        assertThat(hello.extension(RecordSizeLimit.class).orElseThrow().limit()).isEqualTo(0x4001);
        assertThat(hello.extension(SignatureAlgorithms.class).orElseThrow().schemes())
                .contains(SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.ECDSA_SECP256R1_SHA256);
    }

    @Test
    void simpleHandshakeServerHelloSelectsAes128GcmTls13AndX25519() {
        ServerHello hello = (ServerHello) decoded(3, "ServerHello").get(0);
        assertThat(hello.cipherSuite()).isEqualTo(CipherSuite.TLS_AES_128_GCM_SHA256);
        assertThat(hello.legacyCompressionMethod()).isZero();
        assertThat(hello.extension(SupportedVersionSelected.class).orElseThrow().version())
                .isEqualTo(VersionCode.TLS13);
        assertThat(hello.extension(KeyShareSelected.class).orElseThrow().share().group()).isEqualTo(NamedGroup.X25519);
    }

    @Test
    void simpleHandshakeServerFlightHasItsExpectedShape() {
        EncryptedExtensions extensions = (EncryptedExtensions) decoded(3, "EncryptedExtensions").get(0);
        assertThat(extensions.extension(ServerName.class).orElseThrow().names()).isEmpty();
        assertThat(extensions.extension(RecordSizeLimit.class)).isPresent();

        Tls13Certificate certificate = (Tls13Certificate) decoded(3, "Certificate").get(0);
        assertThat(certificate.certificateRequestContext().isEmpty()).isTrue();
        assertThat(certificate.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.certData().unsignedByteAt(0)).isEqualTo(0x30); // DER SEQUENCE
            assertThat(entry.extensions()).isEmpty();
        });

        CertificateVerify verify = (CertificateVerify) decoded(3, "CertificateVerify").get(0);
        assertThat(verify.algorithm()).isEqualTo(SignatureScheme.RSA_PSS_RSAE_SHA256);
        assertThat(verify.signature().length()).isEqualTo(128);

        assertThat(decoded(3, "Finished")).hasSize(2)
                .allSatisfy(f -> assertThat(((Finished) f).verifyData().length()).isEqualTo(32));
    }

    @Test
    void newSessionTicketCarriesLifetimeNonceAndEarlyDataLimit() {
        Tls13NewSessionTicket ticket = (Tls13NewSessionTicket) decoded(3, "NewSessionTicket").get(0);
        assertThat(ticket.ticketLifetime()).isEqualTo(30);
        assertThat(ticket.ticketNonce()).isEqualTo(Opaque.ofUnsigned(0, 0));
        assertThat(ticket.ticket().length()).isEqualTo(178);
        assertThat(ticket.extension(EarlyDataLimit.class).orElseThrow().maxEarlyDataSize()).isEqualTo(1024);
    }

    @Test
    void resumedClientHelloEndsWithOnePskAndItsBinder() {
        ClientHello hello = (ClientHello) decoded(4, "ClientHello").get(0);
        List<Extension> extensions = hello.extensions();
        assertThat(extensions.get(extensions.size() - 1)).isInstanceOfSatisfying(PreSharedKeyOffer.class, psk -> {
            assertThat(psk.identities()).singleElement()
                    .satisfies(identity -> assertThat(identity.identity().length()).isEqualTo(178));
            assertThat(psk.binders()).singleElement().satisfies(b -> assertThat(b.length()).isEqualTo(32));
            assertThat(psk.bindersLength()).isEqualTo(2 + 1 + 32);
            assertThat(hello.encodeTruncatedBeforeBinders()).isEqualTo(truncatedClientHello(4));
        });
        assertThat(hello.extension(EarlyData.class)).isPresent();
        assertThat(hello.extension(Padding.class)).isPresent();

        ServerHello serverHello = (ServerHello) decoded(4, "ServerHello").get(0);
        assertThat(serverHello.extension(PreSharedKeySelected.class).orElseThrow().selectedIdentity()).isZero();
        EncryptedExtensions encryptedExtensions = (EncryptedExtensions) decoded(4, "EncryptedExtensions").get(0);
        assertThat(encryptedExtensions.extension(EarlyData.class)).isPresent();
        assertThat(decoded(4, "EndOfEarlyData")).containsExactly(new EndOfEarlyData());
    }

    @Test
    void replacingBindersOfTheSameLengthKeepsTheTruncatedClientHello() {
        ClientHello hello = (ClientHello) decoded(4, "ClientHello").get(0);
        ClientHello placeholder = hello.withBinders(List.of(Opaque.of(new byte[32])));
        assertThat(placeholder.encodeTruncatedBeforeBinders()).isEqualTo(hello.encodeTruncatedBeforeBinders());
        assertThat(placeholder.withBinders(hello.extension(PreSharedKeyOffer.class).orElseThrow().binders()))
                .isEqualTo(hello);
    }

    @Test
    void helloRetryRequestIsRecognisedAndTheRetriedClientHelloEchoesItsCookie() {
        List<HandshakeMessage> serverHellos = decoded(5, "ServerHello");
        assertThat(serverHellos.get(0)).isInstanceOfSatisfying(HelloRetryRequest.class, retry -> {
            assertThat(retry.cipherSuite()).isEqualTo(CipherSuite.TLS_AES_128_GCM_SHA256);
            assertThat(retry.extension(KeyShareRetry.class).orElseThrow().selectedGroup())
                    .isEqualTo(NamedGroup.SECP256R1);
            assertThat(retry.extension(SupportedVersionSelected.class).orElseThrow().version())
                    .isEqualTo(VersionCode.TLS13);
        });
        assertThat(serverHellos.get(1)).isInstanceOf(ServerHello.class);

        HelloRetryRequest retry = (HelloRetryRequest) serverHellos.get(0);
        Cookie cookie = retry.extension(Cookie.class).orElseThrow();
        ClientHello secondHello = (ClientHello) decoded(5, "ClientHello").get(1);
        assertThat(secondHello.extension(Cookie.class)).contains(cookie);
        assertThat(secondHello.extension(KeyShareOffer.class).orElseThrow().shares()).singleElement()
                .satisfies(share -> {
                    assertThat(share.group()).isEqualTo(NamedGroup.SECP256R1);
                    assertThat(share.keyExchange().length()).isEqualTo(65);
                });
    }

    @Test
    void clientAuthenticationRequestAsksForSignatureAlgorithms() {
        Tls13CertificateRequest request = (Tls13CertificateRequest) decoded(6, "CertificateRequest").get(0);
        assertThat(request.certificateRequestContext().isEmpty()).isTrue();
        assertThat(request.extension(SignatureAlgorithms.class).orElseThrow().schemes())
                .contains(SignatureScheme.RSA_PSS_RSAE_SHA256);
        assertThat(decoded(6, "Certificate")).hasSize(2);
        assertThat(decoded(6, "CertificateVerify")).hasSize(2);
    }

    @Test
    void compatibilityModeServerHelloEchoesTheClientsSessionId() {
        ClientHello clientHello = (ClientHello) decoded(7, "ClientHello").get(0);
        ServerHello serverHello = (ServerHello) decoded(7, "ServerHello").get(0);
        assertThat(clientHello.legacySessionId().length()).isEqualTo(32);
        assertThat(serverHello.legacySessionIdEcho()).isEqualTo(clientHello.legacySessionId());
    }
}
