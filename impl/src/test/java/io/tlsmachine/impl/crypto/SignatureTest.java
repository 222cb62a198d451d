package io.tlsmachine.impl.crypto;

import io.tlsmachine.SignatureAlgorithm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every signature scheme: signed by one provider, verified by every provider; tampered data or
 * signatures and unsuitable keys are refused with false, never an exception.
 */
class SignatureTest {
    private static final byte[] CONTENT = CertificateVerifyContent.forServer(new byte[32]);
    private static final Map<SignatureAlgorithm, KeyPair> KEYS = new EnumMap<>(SignatureAlgorithm.class);

    @BeforeAll
    static void generateOneKeyPerKind() throws GeneralSecurityException {
        KeyPair p256 = ec("secp256r1");
        KeyPair p384 = ec("secp384r1");
        KeyPair p521 = ec("secp521r1");
        KeyPair rsa = generate("RSA", 2048);
        KeyPair rsaPss = generate("RSASSA-PSS", 2048);
        KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            KEYS.put(algorithm, switch (algorithm) {
                case ECDSA_SECP256R1_SHA256 -> p256;
                case ECDSA_SECP384R1_SHA384 -> p384;
                case ECDSA_SECP521R1_SHA512 -> p521;
                case RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512,
                        RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512 -> rsa;
                case RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512 -> rsaPss;
                case ED25519 -> ed25519;
                case ED448 -> ed448;
            });
        }
    }

    static Stream<Arguments> signerVerifierAndScheme() {
        return Stream.of(SignatureAlgorithm.values()).flatMap(algorithm -> Providers.all()
                .flatMap(signer -> Providers.all().map(verifier -> Arguments.of(signer, verifier, algorithm))));
    }

    @ParameterizedTest(name = "{2} signed by {0}, verified by {1}")
    @MethodSource("signerVerifierAndScheme")
    void verifiesWhatTheOtherProviderSigned(CryptoProvider signer, CryptoProvider verifier,
            SignatureAlgorithm algorithm) {
        KeyPair keys = KEYS.get(algorithm);
        byte[] signature = signer.sign(algorithm, keys.getPrivate(), CONTENT, new SecureRandom());

        assertThat(verifier.verify(algorithm, keys.getPublic(), CONTENT, signature)).isTrue();
    }

    static Stream<Arguments> providersAndSchemes() {
        return Providers.all().flatMap(provider -> Stream.of(SignatureAlgorithm.values())
                .map(algorithm -> Arguments.of(provider, algorithm)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndSchemes")
    void rejectsTamperedContentAndSignatures(CryptoProvider provider, SignatureAlgorithm algorithm) {
        KeyPair keys = KEYS.get(algorithm);
        byte[] signature = provider.sign(algorithm, keys.getPrivate(), CONTENT, new SecureRandom());
        byte[] otherContent = CertificateVerifyContent.forClient(new byte[32]);

        assertThat(provider.verify(algorithm, keys.getPublic(), otherContent, signature)).isFalse();
        for (int i = 0; i < signature.length; i += 11) {
            byte[] tampered = signature.clone();
            tampered[i] ^= 0x01;
            assertThat(provider.verify(algorithm, keys.getPublic(), CONTENT, tampered)).as("byte %d", i).isFalse();
        }
        assertThat(provider.verify(algorithm, keys.getPublic(), CONTENT, new byte[0])).isFalse();
        assertThat(provider.verify(algorithm, keys.getPublic(), CONTENT, null)).isFalse();
        assertThat(provider.verify(algorithm, keys.getPublic(), null, signature)).isFalse();
        assertThat(provider.verify(algorithm, null, CONTENT, signature)).isFalse();
        assertThat(provider.verify(algorithm, keys.getPublic(), CONTENT, java.util.Arrays.copyOf(signature,
                signature.length + 1))).isFalse();
        assertThat(provider.verify(algorithm, keys.getPublic(), CONTENT, "garbage".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndSchemes")
    void rejectsKeysOfAnotherTypeWithFalse(CryptoProvider provider, SignatureAlgorithm algorithm) {
        KeyPair keys = KEYS.get(algorithm);
        byte[] signature = provider.sign(algorithm, keys.getPrivate(), CONTENT, new SecureRandom());
        for (SignatureAlgorithm other : SignatureAlgorithm.values()) {
            KeyPair otherKeys = KEYS.get(other);
            if (!SignatureKeys.suits(algorithm, otherKeys.getPublic())) {
                assertThat(provider.verify(algorithm, otherKeys.getPublic(), CONTENT, signature))
                        .as("%s key for %s", other, algorithm).isFalse();
                assertThatThrownBy(() -> provider.sign(algorithm, otherKeys.getPrivate(), CONTENT, new SecureRandom()))
                        .as("%s key for %s", other, algorithm).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = "ECDSA_.*", mode = EnumSource.Mode.MATCH_ANY)
    void encodesEcdsaSignaturesAsDer(SignatureAlgorithm algorithm) {
        for (CryptoProvider provider : Providers.implementations()) {
            byte[] signature = provider.sign(algorithm, KEYS.get(algorithm).getPrivate(), CONTENT, new SecureRandom());
            boolean longForm = (signature[1] & 0xFF) == 0x81;
            int contentLength = longForm ? signature[2] & 0xFF : signature[1] & 0xFF;
            assertThat(signature[0]).as(provider.name()).isEqualTo((byte) 0x30);
            assertThat(contentLength).as(provider.name()).isEqualTo(signature.length - (longForm ? 3 : 2));
        }
    }

    @Test
    void distinguishesRsaeFromPssKeysAsRfc8446Section4Point2Point3Says() {
        assertThat(SignatureKeys.suits(SignatureAlgorithm.RSA_PSS_RSAE_SHA256,
                KEYS.get(SignatureAlgorithm.RSA_PSS_PSS_SHA256).getPublic())).isFalse();
        assertThat(SignatureKeys.suits(SignatureAlgorithm.RSA_PSS_PSS_SHA256,
                KEYS.get(SignatureAlgorithm.RSA_PSS_RSAE_SHA256).getPublic())).isFalse();
        assertThat(SignatureKeys.ecdsaCurveMatches(SignatureAlgorithm.ECDSA_SECP256R1_SHA256,
                KEYS.get(SignatureAlgorithm.ECDSA_SECP384R1_SHA384).getPublic())).isFalse();
        assertThat(SignatureKeys.ecdsaCurveMatches(SignatureAlgorithm.ECDSA_SECP384R1_SHA384,
                KEYS.get(SignatureAlgorithm.ECDSA_SECP384R1_SHA384).getPublic())).isTrue();
    }

    private static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static KeyPair generate(String algorithm, int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }
}
