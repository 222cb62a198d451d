package io.tlsmachine.impl.certificate;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.testkit.TestPki;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Generated PKIs shared by the certificate tests (key generation is the slow part, so each is built once). */
final class Fixtures {
    /** The instant every verifier in these tests believes it is. */
    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final TestPki PKI = new TestPki(new SecureRandom());

    static final TestPki.Hierarchy EC = PKI.hierarchy("EC Test", CertificateKeyType.EC_P256, "server.example.com", NOW);
    static final TestPki.Hierarchy RSA = PKI.hierarchy("RSA Test", CertificateKeyType.RSA_2048, "server.example.com", NOW);
    /** A second, unrelated CA. */
    static final TestPki.Hierarchy OTHER = PKI.hierarchy("Other", CertificateKeyType.EC_P256, "server.example.com", NOW);

    private Fixtures() {}
}
