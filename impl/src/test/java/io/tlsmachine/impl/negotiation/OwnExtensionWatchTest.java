package io.tlsmachine.impl.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.CertificateStatus;
import io.tlsmachine.impl.codec.extension.EcPointFormats;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.ExtensionContext;
import io.tlsmachine.impl.codec.extension.RenegotiationInfo;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.extension.StatusRequestAck;
import io.tlsmachine.impl.codec.message.CertificateEntry;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.impl.codec.message.Tls13Certificate;
import io.tlsmachine.impl.codec.message.Tls13CertificateRequest;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.ECPointFormat;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OwnExtensionWatch} holds what we send to the peer's request it answers, for both roles. */
class OwnExtensionWatchTest {
    private static final Opaque RANDOM = Opaque.of(new byte[32]);
    private static final DecodeContext FROM_CLIENT = DecodeContext.beforeNegotiation(Role.CLIENT);
    private static final DecodeContext FROM_SERVER = DecodeContext.beforeNegotiation(Role.SERVER);
    private static final EcPointFormats UNCOMPRESSED = new EcPointFormats(List.of(ECPointFormat.UNCOMPRESSED));

    @Test
    void aServerHelloIsHeldToTheClientHelloTheServerReceived() {
        byte[] serverHello = encode(new ServerHello(VersionCode.TLS12, RANDOM, Opaque.EMPTY,
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 0,
                List.of(RenegotiationInfo.initial(), UNCOMPRESSED), true));

        OwnExtensionWatch withoutPointFormats = new OwnExtensionWatch(Role.SERVER);
        withoutPointFormats.received(clientHello(RenegotiationInfo.initial()), FROM_CLIENT);
        assertThat(withoutPointFormats.sent(serverHello, FROM_SERVER)).contains(new ExtensionViolation(
                ExtensionRule.NOT_OFFERED_TLS12, ExtensionContext.SERVER_HELLO, ExtensionType.EC_POINT_FORMATS, 1));

        OwnExtensionWatch withPointFormats = new OwnExtensionWatch(Role.SERVER);
        withPointFormats.received(clientHello(RenegotiationInfo.initial(), UNCOMPRESSED), FROM_CLIENT);
        assertThat(withPointFormats.sent(serverHello, FROM_SERVER)).isEmpty();
    }

    @Test
    void aClientCertificateIsHeldToTheLatestCertificateRequest() {
        DecodeContext tls13FromServer = DecodeContext.tls13(Role.SERVER, 32);
        DecodeContext tls13FromClient = DecodeContext.tls13(Role.CLIENT, 32);
        SignatureAlgorithms schemes = new SignatureAlgorithms(List.of(SignatureScheme.RSA_PSS_RSAE_SHA256));
        byte[] certificate = encode(new Tls13Certificate(Opaque.EMPTY, List.of(new CertificateEntry(
                Opaque.ofHex("3000"), List.of(new CertificateStatus(CertificateStatus.OCSP, Opaque.ofHex("01")))))));

        OwnExtensionWatch client = new OwnExtensionWatch(Role.CLIENT);
        client.received(encode(new Tls13CertificateRequest(Opaque.EMPTY, List.of(schemes, new StatusRequestAck()))),
                tls13FromServer);
        assertThat(client.sent(certificate, tls13FromClient)).isEmpty();

        client.received(encode(new Tls13CertificateRequest(Opaque.ofHex("07"), List.of(schemes))), tls13FromServer);
        assertThat(client.sent(certificate, tls13FromClient)).contains(new ExtensionViolation(
                ExtensionRule.NOT_OFFERED, ExtensionContext.CERTIFICATE, ExtensionType.STATUS_REQUEST, 0));
    }

    private static byte[] clientHello(Extension... extensions) {
        return encode(new ClientHello(VersionCode.TLS12, RANDOM, Opaque.EMPTY,
                List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), Opaque.ofHex("00"), List.of(extensions),
                true));
    }

    private static byte[] encode(io.tlsmachine.impl.codec.message.HandshakeMessage message) {
        return HandshakeCodec.encode(message);
    }
}
