package io.tlsmachine.impl.crypto;

import io.tlsmachine.SignatureAlgorithm;
import static io.tlsmachine.impl.crypto.Providers.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8032 §7.1 (Ed25519 TEST 1-3) and §7.4 (Ed448 blank and 1 octet) for every provider. */
class EdDsaTest {
    record Vector(String name, SignatureAlgorithm algorithm, String secretKey, String publicKey, String message,
            String signature) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vector> vectors() {
        return Stream.of(
                new Vector("Ed25519 TEST 1", SignatureAlgorithm.ED25519,
                        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                        + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
                new Vector("Ed25519 TEST 2", SignatureAlgorithm.ED25519,
                        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                        + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
                new Vector("Ed25519 TEST 3", SignatureAlgorithm.ED25519,
                        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
                        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                        + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
                new Vector("Ed448 blank", SignatureAlgorithm.ED448,
                        "6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3"
                        + "528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b",
                        "5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778"
                        + "edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180", "",
                        "533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f"
                        + "2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a"
                        + "9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7cdda8530a113a0f4db"
                        + "b61149f05a7363268c71d95808ff2e652600"),
                new Vector("Ed448 1 octet", SignatureAlgorithm.ED448,
                        "c4eab05d357007c632f3dbb48489924d552b08fe0c353a0d4a1f00acda2c463a"
                        + "fbea67c5e8d2877c5e3bc397a659949ef8021e954e0a12274e",
                        "43ba28f430cdff456ae531545f7ecd0ac834a55d9358c0372bfa0c6c6798c086"
                        + "6aea01eb00742802b8438ea4cb82169c235160627b4c3a9480", "03",
                        "26b8f91727bd62897af15e41eb43c377efb9c610d48f2335cb0bd0087810f435"
                        + "2541b143c4b981b7e18f62de8ccdf633fc1bf037ab7cd779805e0dbcc0aae1cb"
                        + "cee1afb2e027df36bc04dcecbf154336c19f0af7e0a6472905e799f1953d2a0f"
                        + "f3348ab21aa4adafd1d234441cf807c03a00"));
    }

    static Stream<Arguments> providersAndVectors() {
        return Providers.all().flatMap(provider -> vectors().map(v -> Arguments.of(provider, v)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndVectors")
    void signsTheRfc8032Vector(CryptoProvider provider, Vector v) throws GeneralSecurityException {
        byte[] signature = provider.sign(v.algorithm(), privateKey(v), hex(v.message()), new SecureRandom());

        assertThat(signature).isEqualTo(hex(v.signature()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndVectors")
    void verifiesTheRfc8032VectorAndRejectsItTampered(CryptoProvider provider, Vector v)
            throws GeneralSecurityException {
        PublicKey key = publicKey(v);
        byte[] signature = hex(v.signature());
        byte[] message = hex(v.message());

        assertThat(provider.verify(v.algorithm(), key, message, signature)).isTrue();
        for (int i = 0; i < signature.length; i += 5) {
            byte[] tampered = signature.clone();
            tampered[i] ^= 0x10;
            assertThat(provider.verify(v.algorithm(), key, message, tampered)).as("byte %d", i).isFalse();
        }
        byte[] longer = java.util.Arrays.copyOf(message, message.length + 1);
        assertThat(provider.verify(v.algorithm(), key, longer, signature)).isFalse();
    }

    private static NamedParameterSpec curve(Vector v) {
        return v.algorithm() == SignatureAlgorithm.ED25519 ? NamedParameterSpec.ED25519 : NamedParameterSpec.ED448;
    }

    private static PrivateKey privateKey(Vector v) throws GeneralSecurityException {
        return KeyFactory.getInstance("EdDSA").generatePrivate(new EdECPrivateKeySpec(curve(v), hex(v.secretKey())));
    }

    /** RFC 8032 §5.1.3 / §5.2.3: y little-endian, with the sign of x in the top bit. */
    private static PublicKey publicKey(Vector v) throws GeneralSecurityException {
        byte[] encoded = hex(v.publicKey());
        boolean xOdd = (encoded[encoded.length - 1] & 0x80) != 0;
        encoded[encoded.length - 1] &= 0x7F;
        BigInteger y = FixedLength.fromLittleEndian(encoded);
        return KeyFactory.getInstance("EdDSA").generatePublic(new EdECPublicKeySpec(curve(v), new EdECPoint(xOdd, y)));
    }
}
