package io.tlsmachine.impl.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.Cookie;
import io.tlsmachine.impl.codec.extension.EcPointFormats;
import io.tlsmachine.impl.codec.extension.ExtendedMasterSecret;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.ExtensionContext;
import io.tlsmachine.impl.codec.extension.KeyShareEntry;
import io.tlsmachine.impl.codec.extension.KeyShareSelected;
import io.tlsmachine.impl.codec.extension.RenegotiationInfo;
import io.tlsmachine.impl.codec.extension.ServerName;
import io.tlsmachine.impl.codec.extension.SupportedVersionSelected;
import io.tlsmachine.impl.codec.extension.UnknownExtension;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.impl.codec.message.EncryptedExtensions;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.impl.codec.message.HelloRetryRequest;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.ECPointFormat;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.error.DecodeException;
import io.tlsmachine.Reason;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link OwnExtensionCheck} decodes our own encoded messages and holds them to the same table as the peer's. */
class OwnExtensionCheckTest {
    private static final DecodeContext FROM_SERVER = DecodeContext.beforeNegotiation(Role.SERVER);
    private static final DecodeContext FROM_CLIENT = DecodeContext.beforeNegotiation(Role.CLIENT);
    private static final Opaque RANDOM = Opaque.of(new byte[32]);
    private static final EcPointFormats UNCOMPRESSED = new EcPointFormats(List.of(ECPointFormat.UNCOMPRESSED));

    @Test
    void anEcPointFormatsTheClientDidNotOfferIsCaughtInOurTls12ServerHello() {
        byte[] sent = HandshakeCodec.encode(tls12ServerHello(RenegotiationInfo.initial(), UNCOMPRESSED));
        Optional<ExtensionViolation> violation = OwnExtensionCheck.firstViolation(sent, FROM_SERVER,
                Set.of(ExtensionType.RENEGOTIATION_INFO, ExtensionType.SERVER_NAME));
        assertThat(violation).contains(new ExtensionViolation(ExtensionRule.NOT_OFFERED_TLS12,
                ExtensionContext.SERVER_HELLO, ExtensionType.EC_POINT_FORMATS, 1));
    }

    @Test
    void aTls12ServerHelloAnsweringOnlyWhatWasOfferedPasses() {
        byte[] sent = HandshakeCodec.encode(tls12ServerHello(RenegotiationInfo.initial(), UNCOMPRESSED,
                new ExtendedMasterSecret()));
        assertThat(OwnExtensionCheck.firstViolation(sent, FROM_SERVER, Set.of(ExtensionType.RENEGOTIATION_INFO,
                ExtensionType.EC_POINT_FORMATS, ExtensionType.EXTENDED_MASTER_SECRET))).isEmpty();
    }

    @Test
    void aTls12ExtensionInOurTls13ServerHelloIsCaughtEvenWhenOffered() {
        ServerHello hello = new ServerHello(VersionCode.TLS12, RANDOM, Opaque.EMPTY,
                CipherSuite.TLS_AES_128_GCM_SHA256, 0, List.of(new SupportedVersionSelected(VersionCode.TLS13),
                        new KeyShareSelected(new KeyShareEntry(new NamedGroup(0x001D), Opaque.of(new byte[32]))),
                        new ExtendedMasterSecret()), true);
        Optional<ExtensionViolation> violation = OwnExtensionCheck.firstViolation(HandshakeCodec.encode(hello),
                FROM_SERVER, Set.of(ExtensionType.SUPPORTED_VERSIONS, ExtensionType.KEY_SHARE,
                        ExtensionType.EXTENDED_MASTER_SECRET));
        assertThat(violation).map(ExtensionViolation::rule).contains(ExtensionRule.NOT_SPECIFIED_FOR_MESSAGE);
        assertThat(violation).map(ExtensionViolation::index).contains(2);
    }

    @Test
    void ourHelloRetryRequestMayCarryACookieTheClientDidNotSend() {
        HelloRetryRequest retry = new HelloRetryRequest(VersionCode.TLS12, Opaque.EMPTY,
                CipherSuite.TLS_AES_128_GCM_SHA256, 0, List.of(new SupportedVersionSelected(VersionCode.TLS13),
                        new Cookie(Opaque.ofHex("0102"))));
        assertThat(OwnExtensionCheck.firstViolation(HandshakeCodec.encode(retry), FROM_SERVER,
                Set.of(ExtensionType.SUPPORTED_VERSIONS))).isEmpty();
    }

    @Test
    void ourEncryptedExtensionsAreHeldToTheClientHello() {
        byte[] sent = HandshakeCodec.encode(new EncryptedExtensions(List.of(ServerName.acknowledgement())));
        DecodeContext tls13 = DecodeContext.tls13(Role.SERVER, 32);
        assertThat(OwnExtensionCheck.firstViolation(sent, tls13, Set.of(ExtensionType.SERVER_NAME))).isEmpty();
        assertThat(OwnExtensionCheck.firstViolation(sent, tls13, Set.of()))
                .map(ExtensionViolation::rule).contains(ExtensionRule.NOT_OFFERED);
    }

    @Test
    void ourClientHelloMayCarryUnknownTypesButNoDuplicate() {
        Extension grease = new UnknownExtension(new ExtensionType(0x1A1A), Opaque.EMPTY);
        ClientHello hello = new ClientHello(VersionCode.TLS12, RANDOM, Opaque.EMPTY,
                List.of(CipherSuite.TLS_AES_128_GCM_SHA256), Opaque.ofHex("00"),
                List.of(grease, RenegotiationInfo.initial()), true);
        assertThat(OwnExtensionCheck.firstViolation(HandshakeCodec.encode(hello), FROM_CLIENT, Set.of())).isEmpty();
        ClientHello twice = new ClientHello(VersionCode.TLS12, RANDOM, Opaque.EMPTY,
                List.of(CipherSuite.TLS_AES_128_GCM_SHA256), Opaque.ofHex("00"), List.of(grease, grease), true);
        // The table check (the one place) refuses a duplicate; the decoder keeps it.
        assertThat(OwnExtensionCheck.firstViolation(HandshakeCodec.encode(twice), FROM_CLIENT, Set.of())
                .map(ExtensionViolation::rule)).contains(ExtensionRule.DUPLICATE_TLS12);
    }

    @Test
    void aMessageOfOursThatDoesNotDecodeThrows() {
        byte[] sent = HandshakeCodec.encode(new EncryptedExtensions(List.of(new ExtendedMasterSecret())));
        byte[] truncated = java.util.Arrays.copyOf(sent, sent.length - 1);
        assertThatThrownBy(() -> OwnExtensionCheck.firstViolation(truncated, DecodeContext.tls13(Role.SERVER, 32),
                Set.of())).isInstanceOf(DecodeException.class);
    }

    @Test
    void aMisplacedExtensionOfOursIsIllegalParameter() {
        byte[] sent = HandshakeCodec.encode(new EncryptedExtensions(List.of(new ExtendedMasterSecret())));
        assertThat(OwnExtensionCheck.firstViolation(sent, DecodeContext.tls13(Role.SERVER, 32),
                Set.of(io.tlsmachine.impl.codec.types.ExtensionType.EXTENDED_MASTER_SECRET)).map(ExtensionViolation::rule))
                .contains(ExtensionRule.NOT_SPECIFIED_FOR_MESSAGE);
    }

    @Test
    void typesOfListsAnOfferOnce() {
        assertThat(OwnExtensionCheck.typesOf(List.of(RenegotiationInfo.initial(), UNCOMPRESSED)))
                .containsExactlyInAnyOrder(ExtensionType.RENEGOTIATION_INFO, ExtensionType.EC_POINT_FORMATS);
    }

    private static ServerHello tls12ServerHello(Extension... extensions) {
        return new ServerHello(VersionCode.TLS12, RANDOM, Opaque.EMPTY,
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 0, List.of(extensions), true);
    }
}
