package io.tlsmachine.impl.negotiation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.CertificateStatus;
import io.tlsmachine.impl.codec.extension.EarlyData;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.ServerName;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.extension.StatusRequest;
import io.tlsmachine.impl.codec.message.CertificateEntry;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.EncryptedExtensions;
import io.tlsmachine.impl.codec.message.Tls13Certificate;
import io.tlsmachine.impl.codec.message.Tls13CertificateRequest;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ReceivedExtensions} judges responses by our latest request, per role: a client's EncryptedExtensions by its
 * ClientHello, a server's view of the client's Certificate by its CertificateRequest (RFC 8446 §4.4.2), with the
 * exact reason (and so alert).
 */
class ReceivedExtensionsTest {

    private static final Opaque RANDOM = Opaque.of(new byte[32]);

    @Test
    void clientRefusesAnEncryptedExtensionsAnswerItsClientHelloDidNotAskFor() {
        ReceivedExtensions client = new ReceivedExtensions();
        client.sent(clientHello(List.of()));
        assertReason(() -> client.check(new EncryptedExtensions(List.of(new EarlyData()))), Reason.UNSUPPORTED_EXTENSION);
        assertReason(() -> client.check(new EncryptedExtensions(List.of(ServerName.acknowledgement()))),
                Reason.UNSUPPORTED_EXTENSION);
    }

    @Test
    void clientAcceptsWhatItsLatestClientHelloAskedFor() {
        ReceivedExtensions client = new ReceivedExtensions();
        client.sent(clientHello(List.of(new EarlyData())));
        assertThatCode(() -> client.check(new EncryptedExtensions(List.of(new EarlyData())))).doesNotThrowAnyException();
        // The second ClientHello (after a HelloRetryRequest) drops early_data: the offer is the latest hello's.
        client.sent(clientHello(List.of()));
        assertReason(() -> client.check(new EncryptedExtensions(List.of(new EarlyData()))), Reason.UNSUPPORTED_EXTENSION);
    }

    @Test
    void serverRefusesAClientCertificateExtensionItsCertificateRequestDidNotAskFor() {
        ReceivedExtensions server = new ReceivedExtensions();
        server.sent(new Tls13CertificateRequest(Opaque.EMPTY, List.of(signatureAlgorithms())));
        Tls13Certificate stapled = new Tls13Certificate(Opaque.EMPTY, List.of(new CertificateEntry(Opaque.ofUnsigned(1),
                List.of(new CertificateStatus(CertificateStatus.OCSP, Opaque.ofUnsigned(1))))));
        assertReason(() -> server.check(stapled), Reason.UNSUPPORTED_EXTENSION);
        server.sent(new Tls13CertificateRequest(Opaque.EMPTY,
                List.of(signatureAlgorithms(), new StatusRequest(StatusRequest.OCSP, Opaque.EMPTY))));
        assertThatCode(() -> server.check(stapled)).doesNotThrowAnyException();
    }

    @Test
    void aRequestIsNotHeldToAnOffer() {
        ReceivedExtensions client = new ReceivedExtensions();
        assertThatCode(() -> client.check(new Tls13CertificateRequest(Opaque.EMPTY, List.of(signatureAlgorithms()))))
                .doesNotThrowAnyException();
        ReceivedExtensions server = new ReceivedExtensions();
        assertThatCode(() -> server.check(clientHello(List.of(new EarlyData())))).doesNotThrowAnyException();
    }

    private static SignatureAlgorithms signatureAlgorithms() {
        return new SignatureAlgorithms(List.of(new SignatureScheme(0x0403)));
    }

    private static ClientHello clientHello(List<Extension> extensions) {
        return new ClientHello(VersionCode.TLS12, RANDOM, Opaque.EMPTY, List.of(CipherSuite.TLS_AES_128_GCM_SHA256),
                Opaque.ofUnsigned(0), extensions);
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TlsException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(reason));
    }
}
