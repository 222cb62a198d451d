package io.tlsmachine.impl.certificate.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.CertifiedKey;
import io.tlsmachine.impl.certificate.PemWriter;
import io.tlsmachine.impl.certificate.PrivateKeyLoader;
import io.tlsmachine.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-checks key loading and generated certificates with the openssl command line (CI installs it; skipped without it). */
@Tag("slow")
class OpensslCrossCheckTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path directory;

    @BeforeAll
    static void requireOpenssl() {
        assumeTrue(opensslAvailable(), "openssl is not installed");
    }

    @Test
    void loadsTheSec1KeysOpensslWrites() throws Exception {
        Path key = directory.resolve("sec1.pem");
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key.toString());

        PrivateKey loaded = PrivateKeyLoader.load(key);

        assertThat(Files.readString(key)).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(loaded.getAlgorithm()).isEqualTo("EC");
        assertThat(openssl("pkey", "-in", pkcs8File(loaded).toString(), "-noout")).isEmpty();
    }

    @Test
    void loadsThePkcs1KeysOpensslWrites() throws Exception {
        Path key = directory.resolve("pkcs1.pem");
        openssl("genrsa", "-traditional", "-out", key.toString(), "2048");

        PrivateKey loaded = PrivateKeyLoader.load(key);

        assertThat(Files.readString(key)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(loaded.getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void loadsThePkcs8KeysOpensslWritesAndRefusesEncryptedOnes() throws Exception {
        Path plain = directory.resolve("ed25519.pem");
        Path encrypted = directory.resolve("encrypted.pem");
        openssl("genpkey", "-algorithm", "ed25519", "-out", plain.toString());
        openssl("genpkey", "-algorithm", "ed25519", "-aes-128-cbc", "-pass", "pass:secret", "-out", encrypted.toString());

        assertThat(PrivateKeyLoader.load(plain).getAlgorithm()).isEqualTo("EdDSA");
        assertThatThrownBy(() -> PrivateKeyLoader.load(encrypted)).hasMessageContaining("encrypted");
    }

    @Test
    void opensslVerifiesOurHierarchyForTlsServers() throws Exception {
        TestPki.Hierarchy hierarchy = new TestPki(RANDOM).hierarchy("OpenSSL", CertificateKeyType.RSA_2048, "openssl.example", Instant.now());
        Path root = write("root.pem", CertificateChain.of(hierarchy.root().certificate()));
        Path intermediate = write("intermediate.pem", CertificateChain.of(hierarchy.intermediate().certificate()));
        Path leaf = write("leaf.pem", CertificateChain.of(hierarchy.leaf().certificate()));

        String output = openssl("verify", "-CAfile", root.toString(), "-untrusted", intermediate.toString(),
                "-purpose", "sslserver", "-verify_hostname", "openssl.example", leaf.toString());

        assertThat(output).contains(leaf + ": OK");
    }

    @Test
    void opensslAcceptsOurSelfSignedLocalhostCertificate() throws Exception {
        CertifiedKey credentials = SelfSignedCertificates.localhost(Duration.ofDays(2), Clock.systemUTC(), RANDOM);
        Path certificate = directory.resolve("localhost.pem");
        Path key = directory.resolve("localhost-key.pem");
        SelfSignedCertificates.writePem(credentials, certificate, key);

        assertThat(openssl("x509", "-in", certificate.toString(), "-noout", "-checkhost", "localhost", "-checkip", "127.0.0.1"))
                .contains("does match certificate").doesNotContain("NOT match");
        assertThat(openssl("verify", "-CAfile", certificate.toString(), "-purpose", "sslserver", certificate.toString()))
                .contains(": OK");
        assertThat(openssl("pkey", "-in", key.toString(), "-pubout"))
                .isEqualTo(PemWriter.encode("PUBLIC KEY", credentials.chain().leaf().getPublicKey().getEncoded()));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(names = {"EC_P256", "EC_P384"})
    void opensslChecksTheEcKeysWeWriteAndFindsTheirPublicKeyInside(CertificateKeyType keyType) throws Exception {
        IssuedCertificate issued = new TestPki(RANDOM).selfSigned(
                CertificateSpec.endEntity("CN=key check", keyType, Instant.now(), Duration.ofDays(1)));
        Path key = pkcs8File(issued.privateKey());

        String check = openssl("pkey", "-in", key.toString(), "-check", "-noout");
        String innerOffset = openssl("asn1parse", "-in", key.toString()).lines()
                .filter(line -> line.contains("d=1") && line.contains("OCTET STRING"))
                .map(line -> line.substring(0, line.indexOf(':')).trim()).findFirst().orElseThrow();
        String asn1 = openssl("asn1parse", "-in", key.toString(), "-strparse", innerOffset);

        assertThat(check).contains("Key is valid");
        assertThat(asn1).contains("cont [ 0 ]").contains("cont [ 1 ]");
        assertThat(openssl("pkey", "-in", key.toString(), "-pubout"))
                .isEqualTo(PemWriter.encode("PUBLIC KEY", issued.certificate().getPublicKey().getEncoded()));
    }

    private Path pkcs8File(PrivateKey key) {
        Path file = directory.resolve("converted.pem");
        PemWriter.write(key, file);
        return file;
    }

    private Path write(String name, CertificateChain chain) {
        Path file = directory.resolve(name);
        PemWriter.write(chain, file);
        return file;
    }

    private static String openssl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        assertThat(process.exitValue()).as("openssl %s: %s", command, output).isZero();
        return output;
    }

    private static boolean opensslAvailable() {
        try {
            Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
