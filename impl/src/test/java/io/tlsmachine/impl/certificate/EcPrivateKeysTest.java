package io.tlsmachine.impl.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The PKCS#8 EC keys we write carry curve and public key (RFC 5915 §3), checked with Bouncy Castle's ASN.1 parser. */
class EcPrivateKeysTest {

    @ParameterizedTest
    @CsvSource({"secp256r1, 1.2.840.10045.3.1.7, 32", "secp384r1, 1.3.132.0.34, 48", "secp521r1, 1.3.132.0.35, 66"})
    void writesTheNamedCurveAndThePublicKeyIntoTheInnerEcPrivateKey(String curve, String curveOid, int scalarLength)
            throws Exception {
        KeyPair pair = generate(curve);

        byte[] der = PemReader.read(PemWriter.encode(pair.getPrivate())).get(0).der();

        PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
        org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        assertThat(info.getPrivateKeyAlgorithm().getParameters()).isEqualTo(new ASN1ObjectIdentifier(curveOid));
        assertThat(inner.getParametersObject()).isEqualTo(new ASN1ObjectIdentifier(curveOid));
        assertThat(inner.getPublicKey().getOctets()).isEqualTo(uncompressed((ECPublicKey) pair.getPublic(), scalarLength));
        assertThat(privateKeyOctets(inner)).hasSize(scalarLength);
        assertThat(inner.getKey()).isEqualTo(((ECPrivateKey) pair.getPrivate()).getS());
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
    void readsBackTheKeyItWrote(String curve) throws Exception {
        KeyPair pair = generate(curve);

        ECPrivateKey loaded = (ECPrivateKey) PrivateKeyLoader.fromPem(PemWriter.encode(pair.getPrivate()));

        assertThat(loaded.getS()).isEqualTo(((ECPrivateKey) pair.getPrivate()).getS());
        assertThat(KeyPairs.matches(pair.getPublic(), loaded)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
    void derivesTheGeneratorForScalarOneAndItsNegationForScalarOrderMinusOne(String curve) throws Exception {
        ECParameterSpec params = ((ECPublicKey) generate(curve).getPublic()).getParams();
        ECPoint generator = params.getGenerator();
        BigInteger p = ((java.security.spec.ECFieldFp) params.getCurve().getField()).getP();

        ECPoint one = EcPublicPoints.derive(key(params, BigInteger.ONE));
        ECPoint minusOne = EcPublicPoints.derive(key(params, params.getOrder().subtract(BigInteger.ONE)));

        assertThat(one).isEqualTo(generator);
        assertThat(minusOne).isEqualTo(new ECPoint(generator.getAffineX(), p.subtract(generator.getAffineY())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
    void padsShortScalarsToTheLengthOfTheOrder(String curve) throws Exception {
        ECParameterSpec params = ((ECPublicKey) generate(curve).getPublic()).getParams();
        ECPrivateKey small = key(params, BigInteger.valueOf(7));

        PrivateKeyInfo info = PrivateKeyInfo.getInstance(PemReader.read(PemWriter.encode(small)).get(0).der());

        byte[] octets = privateKeyOctets(org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey()));
        assertThat(octets).hasSize((params.getOrder().bitLength() + 7) / 8);
        assertThat(new BigInteger(1, octets)).isEqualTo(BigInteger.valueOf(7));
        assertThat(((ECPrivateKey) PrivateKeyLoader.fromPem(PemWriter.encode(small))).getS()).isEqualTo(BigInteger.valueOf(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "Ed25519"})
    void leavesOtherKeyTypesAsTheJdkEncodesThem(String algorithm) throws Exception {
        java.security.PrivateKey key = KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPrivate();

        List<PemBlock> blocks = PemReader.read(PemWriter.encode(key));

        assertThat(blocks).singleElement().satisfies(block -> {
            assertThat(block.label()).isEqualTo("PRIVATE KEY");
            assertThat(block.der()).isEqualTo(key.getEncoded());
        });
    }

    private static byte[] privateKeyOctets(org.bouncycastle.asn1.sec.ECPrivateKey inner) {
        return org.bouncycastle.asn1.ASN1OctetString.getInstance(
                org.bouncycastle.asn1.ASN1Sequence.getInstance(inner.toASN1Primitive()).getObjectAt(1)).getOctets();
    }

    private static byte[] uncompressed(ECPublicKey key, int length) {
        byte[] out = new byte[1 + 2 * length];
        out[0] = 4;
        Der.unsignedFixed(key.getW().getAffineX(), out, 1, length);
        Der.unsignedFixed(key.getW().getAffineY(), out, 1 + length, length);
        return out;
    }

    private static KeyPair generate(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static ECPrivateKey key(ECParameterSpec params, BigInteger scalar) throws GeneralSecurityException {
        return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(scalar, params));
    }
}
