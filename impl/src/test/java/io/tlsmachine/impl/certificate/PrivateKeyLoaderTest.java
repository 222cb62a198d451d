package io.tlsmachine.impl.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateKeyLoaderTest {
    private static final String P256 = "1.2.840.10045.3.1.7";
    private static final String P384 = "1.3.132.0.34";

    @ParameterizedTest
    @ValueSource(strings = {"EC", "RSA", "RSASSA-PSS", "Ed25519", "Ed448"})
    void loadsPkcs8KeysOfEverySupportedAlgorithm(String algorithm) throws GeneralSecurityException {
        PrivateKey key = KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPrivate();

        PrivateKey loaded = PrivateKeyLoader.fromPem(PemWriter.encode(key));

        assertThat(loaded.getAlgorithm()).isEqualTo(key.getAlgorithm());
        assertThat(PemWriter.encode(loaded)).isEqualTo(PemWriter.encode(key));
    }

    @ParameterizedTest
    @CsvSource({"secp256r1, " + P256 + ", 32", "secp384r1, " + P384 + ", 48"})
    void loadsSec1EcPrivateKeysWithTheirNamedCurve(String curve, String curveOid, int length) throws GeneralSecurityException {
        KeyPair pair = ecKeyPair(curve);
        String pem = PemWriter.encode("EC PRIVATE KEY", sec1(pair, curveOid, length, true));

        ECPrivateKey loaded = (ECPrivateKey) PrivateKeyLoader.fromPem(pem);

        ECPrivateKey original = (ECPrivateKey) pair.getPrivate();
        assertThat(loaded.getS()).isEqualTo(original.getS());
        assertThat(loaded.getParams().getCurve()).isEqualTo(original.getParams().getCurve());
        assertThat(KeyPairs.matches(pair.getPublic(), loaded)).isTrue();
    }

    @Test
    void loadsSec1KeysWithoutTheOptionalPublicKey() throws GeneralSecurityException {
        KeyPair pair = ecKeyPair("secp256r1");

        PrivateKey loaded = PrivateKeyLoader.fromPem(PemWriter.encode("EC PRIVATE KEY", sec1(pair, P256, 32, false)));

        assertThat(KeyPairs.matches(pair.getPublic(), loaded)).isTrue();
    }

    @Test
    void rejectsSec1KeysThatDoNotNameTheirCurve() throws GeneralSecurityException {
        KeyPair pair = ecKeyPair("secp256r1");
        byte[] withoutCurve = Der.sequence(Der.smallInteger(1),
                Der.tlv(Der.OCTET_STRING, unsigned(((ECPrivateKey) pair.getPrivate()).getS(), 32)));

        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(PemWriter.encode("EC PRIVATE KEY", withoutCurve)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("named curve");
    }

    @Test
    void loadsPkcs1RsaPrivateKeys() throws GeneralSecurityException {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        byte[] pkcs1 = pkcs8PrivateKeyField(key.getEncoded());

        RSAPrivateCrtKey loaded = (RSAPrivateCrtKey) PrivateKeyLoader.fromPem(PemWriter.encode("RSA PRIVATE KEY", pkcs1));

        assertThat(loaded.getModulus()).isEqualTo(key.getModulus());
        assertThat(loaded.getPrivateExponent()).isEqualTo(key.getPrivateExponent());
        assertThat(loaded.getCrtCoefficient()).isEqualTo(key.getCrtCoefficient());
    }

    @Test
    void rejectsEncryptedPkcs8KeysWithAClearMessage() {
        String pem = PemWriter.encode("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0x00});

        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(pem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encrypted")
                .hasMessageContaining("decrypt it first");
    }

    @Test
    void rejectsLegacyEncryptedPemKeysWithAClearMessage() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n"
                + "AAAA\n-----END RSA PRIVATE KEY-----\n";

        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(pem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RSA PRIVATE KEY is encrypted");
    }

    @Test
    void rejectsKeysOfUnsupportedAlgorithmsNamingTheOid() throws GeneralSecurityException {
        PrivateKey x25519 = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPrivate();

        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(PemWriter.encode(x25519)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.3.101.110");
    }

    @Test
    void rejectsUnknownKeyLabels() {
        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(PemWriter.encode("DSA PRIVATE KEY", new byte[] {0x30, 0x00})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported key block \"DSA PRIVATE KEY\"");
    }

    @Test
    void rejectsATextWithoutOrWithSeveralKeys() throws GeneralSecurityException {
        String key = PemWriter.encode(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());

        assertThatThrownBy(() -> PrivateKeyLoader.fromPem("no key here")).hasMessageContaining("no PRIVATE KEY block");
        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(key + key)).hasMessageContaining("found 2 private key blocks");
    }

    @Test
    void rejectsGarbageInsideAPrivateKeyBlock() {
        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(PemWriter.encode("PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed PRIVATE KEY");
    }

    @Test
    void loadsAKeyFileNamingTheFileInErrors(@TempDir Path directory) throws Exception {
        PrivateKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        Path file = directory.resolve("key.pem");
        PemWriter.write(key, file);
        Path empty = Files.writeString(directory.resolve("empty.pem"), "");

        assertThat(PrivateKeyLoader.load(file).getEncoded()).isEqualTo(key.getEncoded());
        assertThatThrownBy(() -> PrivateKeyLoader.load(empty)).hasMessageContaining("empty.pem");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10045.2.1", "1.2.840.113549.1.1.1", "1.3.101.112", "2.5.29.37.0", "1.3.6.1.4.1.311.60.2.1.3", "2.999.1"})
    void encodesAndDecodesObjectIdentifiers(String oid) {
        byte[] der = Der.oid(oid);

        assertThat(Der.oidToString(Der.readWhole(der))).isEqualTo(oid);
    }

    /** RFC 5915 §3: SEQUENCE { 1, OCTET STRING d, [0] curve OID, [1] BIT STRING public point }. */
    private static byte[] sec1(KeyPair pair, String curveOid, int length, boolean withPublicKey) {
        ECPrivateKey privateKey = (ECPrivateKey) pair.getPrivate();
        ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
        byte[] version = Der.smallInteger(1);
        byte[] d = Der.tlv(Der.OCTET_STRING, unsigned(privateKey.getS(), length));
        byte[] parameters = Der.tlv(Der.CONTEXT_0, Der.oid(curveOid));
        if (!withPublicKey) {
            return Der.sequence(version, d, parameters);
        }
        byte[] point = new byte[2 + 2 * length];
        point[1] = 0x04;
        System.arraycopy(unsigned(publicKey.getW().getAffineX(), length), 0, point, 2, length);
        System.arraycopy(unsigned(publicKey.getW().getAffineY(), length), 0, point, 2 + length, length);
        return Der.sequence(version, d, parameters, Der.tlv(0xA1, Der.tlv(Der.BIT_STRING, point)));
    }

    /** The privateKey OCTET STRING of a PKCS#8 PrivateKeyInfo: for RSA, the PKCS#1 RSAPrivateKey. */
    private static byte[] pkcs8PrivateKeyField(byte[] pkcs8) {
        Der.Tlv info = Der.readWhole(pkcs8);
        Der.Tlv version = info.firstChild();
        Der.Tlv algorithm = info.next(version);
        return info.next(algorithm).content();
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }

    private static KeyPair ecKeyPair(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }
}
