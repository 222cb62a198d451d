package io.tlsmachine.verification.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.CertificateStatus;
import io.tlsmachine.impl.codec.extension.EarlyData;
import io.tlsmachine.impl.codec.extension.EcPointFormats;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.message.CertificateEntry;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.impl.codec.message.EncryptedExtensions;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.impl.codec.message.HandshakeMessage;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.message.Tls13Certificate;
import io.tlsmachine.impl.codec.types.ECPointFormat;
import io.tlsmachine.MachineKind;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.Reason;
import io.tlsmachine.model.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The extension table on the encrypted TLS 1.3 messages, for both roles: the scripted peer seals a changed
 * EncryptedExtensions (for our client) or client Certificate (for our server) under the victim's keys, and the victim
 * must fail with the rule's reason (RFC 8446 §4.2: unsupported_extension for a response not requested,
 * illegal_parameter for an extension the message may not carry; §4.4.2 for the client's Certificate).
 */
class SealedExtensionViolationTest {

    private static final int HANDSHAKE = 22;

    @Test
    void clientRefusesAnEncryptedExtensionsAnswerItDidNotRequest() {
        TlsEngine client = victimReading("TLS 1.3 full", Role.CLIENT, Input.ENCRYPTED_EXTENSIONS, message -> {
            List<Extension> extensions = new ArrayList<>(((EncryptedExtensions) message).extensions());
            extensions.add(new EarlyData()); // a full handshake's ClientHello offers no early_data
            return new EncryptedExtensions(extensions);
        });
        assertFailed(client, Reason.UNSUPPORTED_EXTENSION);
    }

    @Test
    void clientRefusesAnExtensionEncryptedExtensionsMayNotCarry() {
        TlsEngine client = victimReading("TLS 1.3 full", Role.CLIENT, Input.ENCRYPTED_EXTENSIONS, message -> {
            List<Extension> extensions = new ArrayList<>(((EncryptedExtensions) message).extensions());
            extensions.add(new EcPointFormats(List.of(ECPointFormat.UNCOMPRESSED))); // offered, but TLS 1.2 only
            return new EncryptedExtensions(extensions);
        });
        assertFailed(client, Reason.ILLEGAL_PARAMETER);
    }

    @Test
    void serverRefusesAClientCertificateExtensionItsCertificateRequestDidNotAskFor() {
        TlsEngine server = victimReading("TLS 1.3 full, client certificate", Role.SERVER, Input.CERTIFICATE, message -> {
            Tls13Certificate certificate = (Tls13Certificate) message;
            List<CertificateEntry> entries = new ArrayList<>(certificate.entries());
            CertificateEntry leaf = entries.get(0);
            entries.set(0, new CertificateEntry(leaf.certData(),
                    List.of(new CertificateStatus(CertificateStatus.OCSP, Opaque.ofUnsigned(1)))));
            return new Tls13Certificate(certificate.certificateRequestContext(), entries);
        });
        assertFailed(server, Reason.UNSUPPORTED_EXTENSION);
    }

    /** A fresh victim fed the honest script up to the record of {@code input}, then that record changed and resealed. */
    private static TlsEngine victimReading(String scenarioName, Role victimRole, Input input,
            UnaryOperator<HandshakeMessage> change) {
        HandshakeScenario scenario = ScenarioCatalogue.everyType().stream().filter(s -> s.name().equals(scenarioName))
                .findFirst().orElseThrow();
        ScriptedPeer peer = ScriptedPeer.record(scenario, victimRole);
        int index = 0;
        while (peer.script().get(index).input() != input) {
            index++;
        }
        ReadKeys.Plain plain = peer.opened(index);
        assertThat(plain.type()).isEqualTo(HANDSHAKE);
        Role sender = victimRole == Role.CLIENT ? Role.SERVER : Role.CLIENT;
        HandshakeMessage original = HandshakeCodec.decode(plain.content(), DecodeContext.tls13(sender, 32));
        byte[] changed = HandshakeCodec.encode(change.apply(original));
        WireRecord sealed = peer.sealedInPlaceOf(index, input, HANDSHAKE, changed).orElseThrow();
        Victim victim = peer.start(MachineKind.COMPILED_TABLE, index);
        victim.engine().feed(sealed.bytes());
        return victim.engine();
    }

    private static void assertFailed(TlsEngine engine, Reason reason) {
        assertThat(engine.isFailed()).as("failed, state %s", engine.state()).isTrue();
        assertThat(engine.failure().orElseThrow().reason()).as("%s", engine.failure().orElseThrow().getMessage())
                .isEqualTo(reason);
        assertThat(engine.drainOutbound()).as("the one (protected) alert").isNotEmpty();
    }
}
