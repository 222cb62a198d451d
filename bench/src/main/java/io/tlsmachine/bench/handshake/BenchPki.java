package io.tlsmachine.bench.handshake;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.testkit.TestPki;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;

/** The certificates every stack serves: root → intermediate → leaf, ECDSA P-256 or RSA-2048, for one host. */
final class BenchPki {

    static final String HOST = "bench.test";

    private BenchPki() {
    }

    /** Issues a fresh hierarchy of {@code cert} ("ec" or "rsa"). */
    static TestPki.Hierarchy hierarchy(String cert) {
        CertificateKeyType type = switch (cert) {
            case "ec" -> CertificateKeyType.EC_P256;
            case "rsa" -> CertificateKeyType.RSA_2048;
            default -> throw new IllegalArgumentException("unknown certificate type " + cert);
        };
        return new TestPki(new SecureRandom()).hierarchy("Bench " + cert, type, HOST, Instant.now());
    }

    /**
     * Returns the DER size of the leaf and intermediate certificates: a server that sends fewer handshake bytes
     * than this cannot have sent its chain, so the handshake was not full.
     */
    static int chainBytes(TestPki.Hierarchy pki) {
        try {
            return pki.leaf().certificate().getEncoded().length + pki.intermediate().certificate().getEncoded().length;
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
