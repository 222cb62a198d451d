package io.tlsmachine.impl.certificate.issuing;

import io.tlsmachine.CertifiedKey;
import io.tlsmachine.impl.certificate.PemWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Generates the self-signed ECDSA P-256 certificate a local server needs: subject CN=localhost,
 * subjectAltName dNSName {@code localhost} and iPAddress {@code 127.0.0.1} and {@code ::1},
 * serverAuth, for 1 day to 1 year; and writes it and its key as PEM.
 */
public final class SelfSignedCertificates {
    /** The shortest validity we issue. */
    public static final Duration MINIMUM_VALIDITY = Duration.ofDays(1);
    /** The longest validity we issue. */
    public static final Duration MAXIMUM_VALIDITY = Duration.ofDays(365);

    private SelfSignedCertificates() {}

    /**
     * Returns a fresh self-signed certificate for localhost, valid from five minutes before
     * {@code clock}'s instant (tolerating clock skew) for {@code validity}.
     *
     * @throws IllegalArgumentException when validity is outside 1 day .. 1 year
     */
    public static CertifiedKey localhost(Duration validity, Clock clock, SecureRandom random) {
        if (validity.compareTo(MINIMUM_VALIDITY) < 0 || validity.compareTo(MAXIMUM_VALIDITY) > 0) {
            throw new IllegalArgumentException("validity " + validity + " is outside 1 day .. 1 year");
        }
        Instant notBefore = clock.instant().minus(Duration.ofMinutes(5));
        CertificateSpec spec = CertificateSpec.endEntity("CN=localhost", CertificateKeyType.EC_P256, notBefore, validity)
                .withDnsNames("localhost")
                .withIpAddresses("127.0.0.1", "::1")
                .withExtendedKeyUsages(java.util.EnumSet.of(CertificateSpec.ExtendedKeyUsage.SERVER_AUTH));
        return new CertificateIssuer(random).selfSigned(spec).certifiedKey();
    }

    /** Writes the certificate to {@code certificateFile} and the key (owner-only where possible) to {@code keyFile}, as PEM. */
    public static void writePem(CertifiedKey credentials, Path certificateFile, Path keyFile) {
        PemWriter.write(credentials.chain(), certificateFile);
        PemWriter.write(credentials.privateKey(), keyFile);
    }
}
