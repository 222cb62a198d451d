package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.CertifiedKey;
import static io.tlsmachine.impl.certificate.Fixtures.EC;
import static io.tlsmachine.impl.certificate.Fixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateChainTest {

    @Test
    void keepsTheDerBytesOfEachCertificateLeafFirst() throws Exception {
        CertificateChain chain = EC.chain();

        assertThat(chain.size()).isEqualTo(2);
        assertThat(chain.leaf()).isEqualTo(EC.leaf().certificate());
        assertThat(chain.encoded(0)).isEqualTo(EC.leaf().certificate().getEncoded());
        assertThat(chain.encodings().get(1)).isEqualTo(EC.intermediate().certificate().getEncoded());
    }

    @Test
    void parsesTheDerItWasGivenAndEqualsTheOriginal() {
        CertificateChain parsed = CertificateChain.fromDer(EC.chain().encodings());

        assertThat(parsed).isEqualTo(EC.chain());
        assertThat(parsed.toString()).contains("CN=server.example.com <- CN=EC Test Intermediate");
    }

    @Test
    void handsOutCopiesSoTheWireBytesCannotBeChanged() {
        CertificateChain chain = EC.chain();
        chain.encoded(0)[0] ^= 1;
        chain.encodings().get(0)[0] ^= 1;

        assertThat(chain.encoded(0)).isEqualTo(CertificateChain.of(EC.leaf().certificate()).encoded(0));
    }

    @Test
    void rejectsACorruptCertificateWithBadCertificateNamingItsPosition() {
        byte[] corrupt = EC.chain().encoded(1);
        corrupt[corrupt.length / 2] ^= (byte) 0xFF;
        byte[] truncated = java.util.Arrays.copyOf(EC.chain().encoded(1), 40);

        for (byte[] bad : List.of(truncated, new byte[] {0x30, 0x00}, new byte[0])) {
            assertThatThrownBy(() -> CertificateChain.fromDer(List.of(EC.chain().encoded(0), bad)))
                    .isInstanceOf(TlsException.class)
                    .hasMessageContaining("certificate 1")
                    .satisfies(e -> assertThat(((TlsException) e).reason()).isEqualTo(Reason.BAD_CERTIFICATE));
        }
    }

    @Test
    void theEmptyChainHasNoLeaf() {
        assertThat(CertificateChain.empty().isEmpty()).isTrue();
        assertThatThrownBy(() -> CertificateChain.empty().leaf()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void roundTripsThroughPemFiles(@TempDir Path directory) {
        Path file = directory.resolve("chain.pem");
        PemWriter.write(RSA.chain(), file);

        assertThat(CertificateChain.load(file)).isEqualTo(RSA.chain());
    }

    @Test
    void loadsCredentialsFromOnePemOrTwoFiles(@TempDir Path directory) throws Exception {
        CertifiedKey credentials = EC.certifiedLeaf();
        Path chainFile = directory.resolve("chain.pem");
        Path keyFile = directory.resolve("key.pem");
        PemWriter.write(credentials.chain(), chainFile);
        PemWriter.write(credentials.privateKey(), keyFile);

        CertifiedKey fromFiles = CertifiedKey.load(chainFile, keyFile);
        CertifiedKey fromOneText = CertifiedKey.fromPem(Files.readString(keyFile) + Files.readString(chainFile));

        assertThat(fromFiles.chain()).isEqualTo(credentials.chain());
        assertThat(PemWriter.encode(fromOneText.privateKey())).isEqualTo(PemWriter.encode(credentials.privateKey()));
    }

    @Test
    void writesPrivateKeysOwnerOnly(@TempDir Path directory) throws Exception {
        Path keyFile = directory.resolve("key.pem");
        Files.writeString(keyFile, "old");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        PemWriter.write(EC.leaf().privateKey(), keyFile);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN PRIVATE KEY-----");
        Path fresh = directory.resolve("fresh.pem");
        PemWriter.write(EC.leaf().privateKey(), fresh);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
    }

    @Test
    void refusesAKeyThatDoesNotBelongToTheLeaf() {
        assertThatThrownBy(() -> new CertifiedKey(EC.chain(), Fixtures.OTHER.leaf().privateKey()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> new CertifiedKey(EC.chain(), RSA.leaf().privateKey()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CertifiedKey(RSA.chain(), Fixtures.RSA.intermediate().privateKey()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverShowsThePrivateKeyInToString() {
        CertifiedKey credentials = EC.certifiedLeaf();
        String secretHex = ((java.security.interfaces.ECPrivateKey) credentials.privateKey()).getS().toString(16);
        String secretBase64 = java.util.Base64.getEncoder().encodeToString(credentials.privateKey().getEncoded());

        assertThat(credentials.toString()).contains("EC private key").doesNotContain(secretHex).doesNotContain(secretBase64);
    }
}
