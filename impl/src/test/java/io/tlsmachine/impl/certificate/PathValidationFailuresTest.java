package io.tlsmachine.impl.certificate;

import static io.tlsmachine.impl.certificate.Fixtures.EC;
import static io.tlsmachine.impl.certificate.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PathValidationFailuresTest {
    private static final List<X509Certificate> PATH = EC.chain().certificates();
    private static final CertPath CERT_PATH = certPath();

    private static final Map<CertPathValidatorException.Reason, Reason> EXPECTED = Map.ofEntries(
            Map.entry(BasicReason.EXPIRED, Reason.CERTIFICATE_EXPIRED),
            Map.entry(BasicReason.NOT_YET_VALID, Reason.CERTIFICATE_EXPIRED),
            Map.entry(BasicReason.REVOKED, Reason.CERTIFICATE_REVOKED),
            Map.entry(BasicReason.UNDETERMINED_REVOCATION_STATUS, Reason.CERTIFICATE_UNKNOWN),
            Map.entry(BasicReason.INVALID_SIGNATURE, Reason.BAD_CERTIFICATE),
            Map.entry(BasicReason.ALGORITHM_CONSTRAINED, Reason.BAD_CERTIFICATE),
            Map.entry(BasicReason.UNSPECIFIED, Reason.CERTIFICATE_UNKNOWN),
            Map.entry(PKIXReason.NO_TRUST_ANCHOR, Reason.UNKNOWN_CA),
            Map.entry(PKIXReason.UNRECOGNIZED_CRIT_EXT, Reason.UNSUPPORTED_CERTIFICATE),
            Map.entry(PKIXReason.NOT_CA_CERT, Reason.BAD_CERTIFICATE),
            Map.entry(PKIXReason.PATH_TOO_LONG, Reason.BAD_CERTIFICATE),
            Map.entry(PKIXReason.INVALID_KEY_USAGE, Reason.BAD_CERTIFICATE),
            Map.entry(PKIXReason.INVALID_NAME, Reason.BAD_CERTIFICATE),
            Map.entry(PKIXReason.NAME_CHAINING, Reason.BAD_CERTIFICATE),
            Map.entry(PKIXReason.INVALID_POLICY, Reason.BAD_CERTIFICATE));

    @ParameterizedTest
    @EnumSource(BasicReason.class)
    void mapsEveryBasicReason(BasicReason reason) {
        assertMapped(reason);
    }

    @ParameterizedTest
    @EnumSource(PKIXReason.class)
    void mapsEveryPkixReason(PKIXReason reason) {
        assertMapped(reason);
    }

    @Test
    void recognisesExpiryFromTheCauseWhenTheReasonIsUnspecified() {
        var expired = new CertPathValidatorException("x", new CertificateExpiredException("old"), CERT_PATH, 0, BasicReason.UNSPECIFIED);
        var notYet = new CertPathValidatorException("x", new CertificateNotYetValidException("new"), CERT_PATH, 0, BasicReason.UNSPECIFIED);

        assertThat(PathValidationFailures.toTlsException(expired, PATH, NOW).reason()).isEqualTo(Reason.CERTIFICATE_EXPIRED);
        assertThat(PathValidationFailures.toTlsException(notYet, PATH, NOW).reason()).isEqualTo(Reason.CERTIFICATE_EXPIRED);
    }

    @Test
    void namesTheFailingCertificateOrTheChainWhenThereIsNoIndex() {
        var atIntermediate = new CertPathValidatorException("x", null, CERT_PATH, 1, BasicReason.REVOKED);
        var withoutIndex = new CertPathValidatorException("x", null, null, -1, BasicReason.REVOKED);

        assertThat(PathValidationFailures.toTlsException(atIntermediate, PATH, NOW))
                .hasMessageContaining("certificate 1 (CN=EC Test Intermediate)");
        assertThat(PathValidationFailures.toTlsException(withoutIndex, PATH, NOW)).hasMessageContaining("the chain is revoked");
    }

    private static void assertMapped(CertPathValidatorException.Reason reason) {
        TlsException failure = PathValidationFailures.toTlsException(
                new CertPathValidatorException("validation failed", null, CERT_PATH, 0, reason), PATH, NOW);

        assertThat(EXPECTED).containsKey(reason);
        assertThat(failure.reason()).as("%s", reason).isEqualTo(EXPECTED.get(reason));
        assertThat(failure.getCause()).isInstanceOf(CertPathValidatorException.class);
    }

    private static CertPath certPath() {
        try {
            return CertificateFactory.getInstance("X.509").generateCertPath(PATH);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
