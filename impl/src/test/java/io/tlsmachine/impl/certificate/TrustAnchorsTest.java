package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.TrustAnchors;
import io.tlsmachine.CertificateVerifier;
import static io.tlsmachine.impl.certificate.Fixtures.EC;
import static io.tlsmachine.impl.certificate.Fixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

    @Test
    void loadsEveryCertificateOfSeveralPemFiles(@TempDir Path directory) {
        Path ec = directory.resolve("ec.pem");
        Path rsa = directory.resolve("rsa.pem");
        PemWriter.write(CertificateChain.of(EC.root().certificate()), ec);
        PemWriter.write(CertificateChain.of(RSA.root().certificate(), RSA.intermediate().certificate()), rsa);

        TrustAnchors anchors = TrustAnchors.fromPem(ec, rsa);

        assertThat(anchors.certificates()).containsExactly(EC.root().certificate(), RSA.root().certificate(),
                RSA.intermediate().certificate());
        assertThat(anchors.pkixAnchors()).hasSize(3);
    }

    @Test
    void dropsDuplicates() {
        assertThat(TrustAnchors.of(EC.root().certificate(), EC.root().certificate()).certificates()).hasSize(1);
    }

    @Test
    void refusesAnEmptySetOfAnchors() {
        assertThatThrownBy(() -> TrustAnchors.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadsTheJdkDefaultTrustStoreWhichDoesNotTrustOurTestRoots() {
        TrustAnchors anchors = TrustAnchors.jdkDefault();

        assertThat(anchors.certificates()).isNotEmpty();
        assertThat(anchors.contains(EC.root().certificate())).isFalse();
    }

    @Test
    void aVerifierOnTheJdkDefaultsRejectsOurTestChainAsUnknownCa() {
        assertThatThrownBy(() -> CertificateVerifier.jdkDefault().withClock(Fixtures.CLOCK).verifyServer(EC.chain(), "server.example.com"))
                .hasMessageStartingWith("UNKNOWN_CA");
    }
}
