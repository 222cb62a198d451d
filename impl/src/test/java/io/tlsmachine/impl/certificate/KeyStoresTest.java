package io.tlsmachine.impl.certificate;

import io.tlsmachine.TrustAnchors;
import io.tlsmachine.CertifiedKey;
import static io.tlsmachine.impl.certificate.Fixtures.EC;
import static io.tlsmachine.impl.certificate.Fixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoresTest {
    private static final char[] PASSWORD = "p12-password".toCharArray();

    @Test
    void writesAnOwnerOnlyPkcs12FileThatLoadsBackToTheSameCredentials(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("server.p12");

        KeyStores.write(KeyStores.pkcs12(RSA.certifiedLeaf(), "server", PASSWORD), file, PASSWORD);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        CertifiedKey loaded = KeyStoreLoader.load(file, PASSWORD);
        assertThat(loaded.chain()).isEqualTo(RSA.chain());
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(RSA.leaf().privateKey().getEncoded());
    }

    @Test
    void buildsATrustStoreOfTheAnchors(@TempDir Path directory) {
        TrustAnchors anchors = TrustAnchors.of(EC.root().certificate(), RSA.root().certificate());
        Path file = directory.resolve("trust.p12");

        KeyStores.write(KeyStores.trustStore(anchors), file, PASSWORD);

        assertThat(TrustAnchors.fromKeyStore(KeyStoreLoader.open(file, PASSWORD)).certificates())
                .containsExactlyInAnyOrder(EC.root().certificate(), RSA.root().certificate());
    }
}
