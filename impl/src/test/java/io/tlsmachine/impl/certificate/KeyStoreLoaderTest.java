package io.tlsmachine.impl.certificate;

import io.tlsmachine.TrustAnchors;
import io.tlsmachine.CertifiedKey;
import static io.tlsmachine.impl.certificate.Fixtures.EC;
import static io.tlsmachine.impl.certificate.Fixtures.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.testkit.TestPki;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyStoreLoaderTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @ParameterizedTest
    @ValueSource(strings = {"PKCS12", "JKS"})
    void loadsTheOnlyKeyEntryWithItsChain(String type, @TempDir Path directory) throws Exception {
        Path file = store(directory, type, EC, "server");

        CertifiedKey loaded = KeyStoreLoader.load(file, PASSWORD);

        assertThat(loaded.chain()).isEqualTo(EC.chain());
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(EC.leaf().privateKey().getEncoded());
        assertThat(KeyStoreLoader.certifiedKey(KeyStoreLoader.open(file, type, PASSWORD), "server", PASSWORD).chain())
                .isEqualTo(EC.chain());
    }

    @Test
    void needsAnAliasWhenTheStoreHoldsSeveralKeys(@TempDir Path directory) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        add(store, EC, "ec");
        add(store, RSA, "rsa");

        assertThatThrownBy(() -> KeyStoreLoader.certifiedKey(store, null, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 private key entries")
                .hasMessageContaining("name the alias");
        assertThat(KeyStoreLoader.certifiedKey(store, "rsa", PASSWORD).chain()).isEqualTo(RSA.chain());
    }

    @Test
    void rejectsAMissingAlias() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        add(store, EC, "ec");

        assertThatThrownBy(() -> KeyStoreLoader.certifiedKey(store, "nope", PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no private key entry \"nope\"");
    }

    @Test
    void rejectsAWrongPassword(@TempDir Path directory) throws Exception {
        Path file = store(directory, "PKCS12", EC, "server");

        assertThatThrownBy(() -> KeyStoreLoader.load(file, "wrong".toCharArray()))
                .hasMessageContaining("password");
    }

    @Test
    void rejectsAFileThatIsNoKeyStore(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("not.p12"), "hello");

        assertThatThrownBy(() -> KeyStoreLoader.load(file, PASSWORD)).hasMessageContaining("not.p12");
    }

    @Test
    void trustsOnlyTheTrustedCertificateEntriesOfAStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        add(store, EC, "ec");
        store.setCertificateEntry("root", RSA.root().certificate());

        assertThat(TrustAnchors.fromKeyStore(store).certificates()).containsExactly(RSA.root().certificate());
    }

    private static Path store(Path directory, String type, TestPki.Hierarchy hierarchy, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        add(store, hierarchy, alias);
        Path file = directory.resolve("store." + type.toLowerCase());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }

    private static void add(KeyStore store, TestPki.Hierarchy hierarchy, String alias) throws Exception {
        store.setKeyEntry(alias, hierarchy.leaf().privateKey(), PASSWORD, hierarchy.chain().certificates().toArray(Certificate[]::new));
    }
}
