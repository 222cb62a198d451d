package io.tlsmachine.impl.certificate.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.impl.certificate.PemWriter;
import io.tlsmachine.impl.certificate.PrivateKeyLoader;
import io.tlsmachine.testkit.TestPki;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Our PEM reading and writing against Bouncy Castle's, an independent implementation of the same formats. */
class BouncyCastlePemInteropTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** BC writes its EC keys as SEC1 "EC PRIVATE KEY" with the named curve, RSA keys as PKCS#1, EdDSA keys as PKCS#8. */
    @ParameterizedTest
    @CsvSource({
            "EC, secp256r1, SHA256withECDSA, EC PRIVATE KEY",
            "EC, secp384r1, SHA384withECDSA, EC PRIVATE KEY",
            "RSA, , SHA256withRSA, RSA PRIVATE KEY",
            "Ed25519, , Ed25519, PRIVATE KEY"})
    void loadsTheKeyFormatsBouncyCastleWrites(String algorithm, String curve, String signature, String label) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, BC);
        if (curve != null) {
            generator.initialize(new ECGenParameterSpec(curve), RANDOM);
        }
        KeyPair pair = generator.generateKeyPair();
        String pem = bouncyCastlePem(pair.getPrivate());

        PrivateKey loaded = PrivateKeyLoader.fromPem(pem);

        assertThat(pem).startsWith("-----BEGIN " + label + "-----");
        assertThat(signsFor(loaded, pair, signature)).isTrue();
    }

    @Test
    void refusesASec1KeyWithoutItsCurveAsTheJdkEncodesIt() throws Exception {
        // The JDK's PKCS#8 encoding leaves the curve to the AlgorithmIdentifier, so BC writes its
        // inner SEC1 structure without parameters: no reader can tell the curve from such a file.
        String pem = bouncyCastlePem(CertificateKeyType.EC_P256.generate(RANDOM).getPrivate());

        assertThatThrownBy(() -> PrivateKeyLoader.fromPem(pem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without the named curve");
    }

    @ParameterizedTest
    @EnumSource(CertificateKeyType.class)
    void writesPemThatBouncyCastleParses(CertificateKeyType keyType) throws Exception {
        IssuedCertificate issued = new TestPki(RANDOM).selfSigned(
                CertificateSpec.endEntity("CN=interop", keyType, Instant.now(), Duration.ofDays(1)));
        String pem = PemWriter.encode(CertificateChain.of(issued.certificate())) + PemWriter.encode(issued.privateKey());

        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            X509CertificateHolder certificate = (X509CertificateHolder) parser.readObject();
            Object key = parser.readObject();

            assertThat(certificate.getEncoded()).isEqualTo(issued.certificate().getEncoded());
            PrivateKeyInfo info = key instanceof PEMKeyPair keyPair ? keyPair.getPrivateKeyInfo() : (PrivateKeyInfo) key;
            PrivateKey parsed = java.security.KeyFactory.getInstance(issued.privateKey().getAlgorithm())
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(info.getEncoded()));
            assertThat(signsFor(parsed, issued.keyPair(), keyType.certificateSignatureAlgorithm())).isTrue();
        }
    }

    private static String bouncyCastlePem(PrivateKey key) throws Exception {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(key);
        }
        return pem.toString();
    }

    private static boolean signsFor(PrivateKey loaded, KeyPair original, String algorithm) throws Exception {
        byte[] message = "probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(loaded, RANDOM);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm, BC);
        verifier.initVerify(original.getPublic());
        verifier.update(message);
        return verifier.verify(signature);
    }
}
