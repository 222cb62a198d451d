package io.tlsmachine.impl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.EcPointFormats;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.RenegotiationInfo;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.ECPointFormat;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.model.server.ServerMachine;
import io.tlsmachine.testkit.OwnExtensionsWatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The automatically registered {@link OwnExtensionsWatch} sees every handshake message the engines of the suite
 * send, and reports one that answers an extension the peer did not offer (issue 11 defect 1's class).
 */
class OwnExtensionsWatchTest {

    private static final Opaque RANDOM = Opaque.of(new byte[32]);

    @Test
    void everyHandshakeMessageOurEnginesSendIsChecked() {
        long checked = OwnExtensionsWatch.checkedMessages();
        new EngineFixtures.Pair(EngineFixtures.client(EngineFixtures.EC).build(), EngineFixtures.server(EngineFixtures.EC)
                .build()).handshake();
        // ClientHello, client Finished; ServerHello, EncryptedExtensions, Certificate, CertificateVerify, Finished.
        assertThat(OwnExtensionsWatch.checkedMessages()).isGreaterThanOrEqualTo(checked + 7);
        assertThat(OwnExtensionsWatch.drainViolations()).isEmpty();
    }

    @Test
    void aServerHelloAnsweringAnUnofferedExtensionIsAViolation() {
        HandshakeMessageListener server = new OwnExtensionsWatch().messageListenerFor(ServerMachine.definition())
                .orElseThrow();
        ClientHello hello = new ClientHello(VersionCode.TLS12, RANDOM, Opaque.EMPTY,
                List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256), Opaque.ofUnsigned(0),
                List.of(RenegotiationInfo.initial()));
        server.received(HandshakeCodec.encode(hello), DecodeContext.beforeNegotiation(Role.CLIENT));
        List<Extension> answer = List.of(RenegotiationInfo.initial(), new EcPointFormats(List.of(ECPointFormat.UNCOMPRESSED)));
        server.sent(HandshakeCodec.encode(new ServerHello(VersionCode.TLS12, RANDOM, Opaque.EMPTY,
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, 0, answer)), DecodeContext.beforeNegotiation(Role.SERVER));
        List<String> violations = OwnExtensionsWatch.drainViolations();
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0)).contains("ServerHello.ec_point_formats").contains("NOT_OFFERED_TLS12");
    }

    @Test
    void aHandshakeMessageOfOursThatDoesNotDecodeIsAViolation() {
        HandshakeMessageListener server = new OwnExtensionsWatch().messageListenerFor(ServerMachine.definition())
                .orElseThrow();
        server.sent(new byte[] {2, 0, 0, 1, 3}, DecodeContext.beforeNegotiation(Role.SERVER));
        assertThat(OwnExtensionsWatch.drainViolations()).singleElement().asString().contains("does not decode");
    }
}
