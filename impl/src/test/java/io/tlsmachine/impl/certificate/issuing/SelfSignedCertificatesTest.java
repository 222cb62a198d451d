package io.tlsmachine.impl.certificate.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.CertifiedKey;
import io.tlsmachine.TrustAnchors;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SelfSignedCertificatesTest {
    private static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void issuesAnEcdsaP256CertificateForLocalhostAndLoopbackAddresses() throws Exception {
        CertifiedKey credentials = SelfSignedCertificates.localhost(Duration.ofDays(30), CLOCK, new SecureRandom());
        X509Certificate certificate = credentials.chain().leaf();

        assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(certificate.getSubjectAlternativeNames()).extracting(entry -> (Object) entry.get(1))
                .contains("localhost", "127.0.0.1");
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(certificate.getNotBefore().toInstant().plus(Duration.ofDays(30)));
        assertThat(certificate.getNotBefore().toInstant()).isBefore(NOW);
        certificate.verify(certificate.getPublicKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST.", "127.0.0.1", "::1"})
    void verifiesForEachLocalNameWhenTrustedDirectly(String host) {
        CertifiedKey credentials = SelfSignedCertificates.localhost(Duration.ofDays(1), CLOCK, new SecureRandom());

        assertThat(CertificateVerifier.pkix(TrustAnchors.of(credentials.chain().leaf())).withClock(CLOCK)
                .verifyServer(credentials.chain(), host).trustAnchor()).isPresent();
    }

    @Test
    void isNotValidForOtherHostsNorForClients() {
        CertifiedKey credentials = SelfSignedCertificates.localhost(Duration.ofDays(1), CLOCK, new SecureRandom());
        var verifier = CertificateVerifier.pkix(TrustAnchors.of(credentials.chain().leaf())).withClock(CLOCK);

        assertThatThrownBy(() -> verifier.verifyServer(credentials.chain(), "127.0.0.2"))
                .satisfies(e -> assertThat(((TlsException) e).reason()).isEqualTo(Reason.BAD_CERTIFICATE));
        assertThatThrownBy(() -> verifier.verifyClient(credentials.chain()))
                .satisfies(e -> assertThat(((TlsException) e).reason()).isEqualTo(Reason.UNSUPPORTED_CERTIFICATE));
    }

    @Test
    void acceptsOneDayToOneYearOfValidityOnly() {
        SecureRandom random = new SecureRandom();

        assertThat(SelfSignedCertificates.localhost(Duration.ofDays(1), CLOCK, random)).isNotNull();
        assertThat(SelfSignedCertificates.localhost(Duration.ofDays(365), CLOCK, random)).isNotNull();
        assertThatThrownBy(() -> SelfSignedCertificates.localhost(Duration.ofHours(23), CLOCK, random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SelfSignedCertificates.localhost(Duration.ofDays(366), CLOCK, random))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesCertificateAndOwnerOnlyKeyAsPemThatLoadsBack(@TempDir Path directory) throws Exception {
        CertifiedKey credentials = SelfSignedCertificates.localhost(Duration.ofDays(7), CLOCK, new SecureRandom());
        Path certificateFile = directory.resolve("localhost.pem");
        Path keyFile = directory.resolve("localhost-key.pem");

        SelfSignedCertificates.writePem(credentials, certificateFile, keyFile);

        assertThat(Files.readString(certificateFile)).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        CertifiedKey loaded = CertifiedKey.load(certificateFile, keyFile);
        assertThat(loaded.chain()).isEqualTo(credentials.chain());
        assertThat(((java.security.interfaces.ECPrivateKey) loaded.privateKey()).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) credentials.privateKey()).getS());
        assertThat(CertificateChain.load(certificateFile).size()).isEqualTo(1);
    }
}
