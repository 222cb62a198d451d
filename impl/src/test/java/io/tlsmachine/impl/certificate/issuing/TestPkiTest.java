package io.tlsmachine.impl.certificate.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.impl.certificate.issuing.CertificateSpec.ExtendedKeyUsage;
import io.tlsmachine.impl.certificate.issuing.CertificateSpec.KeyUsage;
import io.tlsmachine.testkit.TestPki;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestPkiTest {
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final TestPki PKI = new TestPki(new SecureRandom());

    @ParameterizedTest
    @EnumSource(CertificateKeyType.class)
    void issuesAHierarchyThatPkixAcceptsForEveryKeyType(CertificateKeyType keyType) throws Exception {
        TestPki.Hierarchy hierarchy = PKI.hierarchy("Unit " + keyType, keyType, "api.example.org", NOW);

        var verified = CertificateVerifier.pkix(hierarchy.anchors()).withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .verifyServer(hierarchy.chain(), "api.example.org");

        assertThat(verified.trustAnchor()).contains(hierarchy.root().certificate());
        X509Certificate root = hierarchy.root().certificate();
        root.verify(root.getPublicKey());
        hierarchy.intermediate().certificate().verify(root.getPublicKey());
        hierarchy.leaf().certificate().verify(hierarchy.intermediate().certificate().getPublicKey());
        assertThat(hierarchy.leaf().certificate().getPublicKey().getAlgorithm())
                .isEqualTo(hierarchy.leaf().privateKey().getAlgorithm());
    }

    @Test
    void writesTheRequestedNamesValidityAndUsages() throws Exception {
        IssuedCertificate root = PKI.selfSigned(CertificateSpec.authority("CN=Spec Root,O=tlsmachine", CertificateKeyType.EC_P384,
                NOW, Duration.ofDays(30)));
        Instant from = NOW.plus(Duration.ofDays(1));
        Instant until = NOW.plus(Duration.ofDays(2));
        IssuedCertificate leaf = PKI.issue(CertificateSpec.endEntity("CN=Spec Leaf", CertificateKeyType.RSA_2048, NOW, Duration.ofDays(1))
                .withValidity(from, until)
                .withDnsNames("a.example", "*.b.example")
                .withIpAddresses("192.0.2.1", "2001:db8::1")
                .withKeyUsages(EnumSet.of(KeyUsage.KEY_ENCIPHERMENT))
                .withExtendedKeyUsages(EnumSet.of(ExtendedKeyUsage.CLIENT_AUTH)), root);
        X509Certificate certificate = leaf.certificate();

        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=Spec Leaf");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(root.certificate().getSubjectX500Principal());
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(from);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(until);
        assertThat(certificate.getSubjectAlternativeNames()).extracting(entry -> (Object) entry.get(1))
                .containsExactly("a.example", "*.b.example", "192.0.2.1", "2001:db8:0:0:0:0:0:1");
        assertThat(certificate.getKeyUsage()[2]).isTrue();
        assertThat(certificate.getKeyUsage()[0]).isFalse();
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(root.certificate().getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA384withECDSA");
        assertThat(leaf.toString()).contains("CN=Spec Leaf").contains("RSA_2048");
    }

    @Test
    void givesEachCertificateADistinctPositiveSerialNumber() {
        CertificateSpec spec = CertificateSpec.endEntity("CN=Serial", CertificateKeyType.ED25519, NOW, Duration.ofDays(1));

        List<java.math.BigInteger> serials = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> PKI.selfSigned(spec).certificate().getSerialNumber()).toList();

        assertThat(serials).doesNotHaveDuplicates().allSatisfy(serial -> assertThat(serial.signum()).isPositive());
    }

    @Test
    void issuesCrlsListingTheRevokedSerials() throws Exception {
        TestPki.Hierarchy hierarchy = PKI.hierarchy("CRL", CertificateKeyType.EC_P256, "crl.example", NOW);

        X509CRL crl = PKI.revocationList(hierarchy.intermediate(), List.of(hierarchy.leaf().certificate()), NOW);

        crl.verify(hierarchy.intermediate().certificate().getPublicKey());
        assertThat(crl.isRevoked(hierarchy.leaf().certificate())).isTrue();
        assertThat(crl.isRevoked(hierarchy.intermediate().certificate())).isFalse();
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void refusesAValidityThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> CertificateSpec.endEntity("CN=x", CertificateKeyType.EC_P256, NOW, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
