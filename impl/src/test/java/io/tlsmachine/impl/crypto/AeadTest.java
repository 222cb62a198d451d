package io.tlsmachine.impl.crypto;

import static io.tlsmachine.impl.crypto.Providers.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from McGrew and Viega, "The Galois/Counter Mode of Operation" (test cases 2-4
 * for AES-128, 14-16 for AES-256) and RFC 8439 §2.8.2, plus tampering, for every provider.
 */
class AeadTest {
    private static final String GCM_KEY_128 = "feffe9928665731c6d6a8f9467308308";
    private static final String GCM_PLAINTEXT = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
    private static final String GCM_PLAINTEXT_60 = GCM_PLAINTEXT.substring(0, 120);
    private static final String GCM_IV = "cafebabefacedbaddecaf888";
    private static final String GCM_AAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
    private static final String CASE3_CIPHERTEXT = "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
            + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985";
    private static final String CASE15_CIPHERTEXT = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";

    record Vector(String name, AeadAlgorithm algorithm, String key, String nonce, String aad, String plaintext,
            String ciphertext, String tag) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vector> vectors() {
        return Stream.of(
                new Vector("GCM test case 2", AeadAlgorithm.AES_128_GCM, "00".repeat(16), "00".repeat(12), "",
                        "00".repeat(16), "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"),
                new Vector("GCM test case 3", AeadAlgorithm.AES_128_GCM, GCM_KEY_128, GCM_IV, "", GCM_PLAINTEXT,
                        CASE3_CIPHERTEXT, "4d5c2af327cd64a62cf35abd2ba6fab4"),
                new Vector("GCM test case 4", AeadAlgorithm.AES_128_GCM, GCM_KEY_128, GCM_IV, GCM_AAD, GCM_PLAINTEXT_60,
                        CASE3_CIPHERTEXT.substring(0, 120), "5bc94fbc3221a5db94fae95ae7121a47"),
                new Vector("GCM test case 14", AeadAlgorithm.AES_256_GCM, "00".repeat(32), "00".repeat(12), "",
                        "00".repeat(16), "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"),
                new Vector("GCM test case 15", AeadAlgorithm.AES_256_GCM, GCM_KEY_128 + GCM_KEY_128, GCM_IV, "",
                        GCM_PLAINTEXT, CASE15_CIPHERTEXT, "b094dac5d93471bdec1a502270e3cc6c"),
                new Vector("GCM test case 16", AeadAlgorithm.AES_256_GCM, GCM_KEY_128 + GCM_KEY_128, GCM_IV, GCM_AAD,
                        GCM_PLAINTEXT_60, CASE15_CIPHERTEXT.substring(0, 120), "76fc6ece0f4e1768cddf8853bb2d551b"),
                new Vector("RFC 8439 2.8.2", AeadAlgorithm.CHACHA20_POLY1305,
                        "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
                        "070000004041424344454647", "50515253c0c1c2c3c4c5c6c7",
                        HexFormatting.ascii("Ladies and Gentlemen of the class of '99: If I could offer you only one tip "
                                + "for the future, sunscreen would be it."),
                        "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
                        + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
                        + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
                        + "3ff4def08e4b7a9de576d26586cec64b6116",
                        "1ae10b594f09e26a7e902ecbd0600691"));
    }

    static Stream<Arguments> providersAndVectors() {
        return Providers.all().flatMap(provider -> vectors().map(v -> Arguments.of(provider, v)));
    }

    static Stream<Arguments> providersAndAlgorithms() {
        return Providers.all().flatMap(provider -> Stream.of(AeadAlgorithm.values()).map(a -> Arguments.of(provider, a)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndVectors")
    void sealsTheKnownAnswer(CryptoProvider provider, Vector v) {
        Aead aead = provider.aead(v.algorithm(), Secret.copyOf(hex(v.key())));

        byte[] sealed = aead.seal(hex(v.nonce()), hex(v.aad()), hex(v.plaintext()));

        assertThat(sealed).isEqualTo(hex(v.ciphertext() + v.tag()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndVectors")
    void opensTheKnownAnswer(CryptoProvider provider, Vector v) {
        Aead aead = provider.aead(v.algorithm(), Secret.copyOf(hex(v.key())));

        assertThat(aead.open(hex(v.nonce()), hex(v.aad()), hex(v.ciphertext() + v.tag()))).isEqualTo(hex(v.plaintext()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndVectors")
    void rejectsEveryFlippedBitOfCiphertextTagAndAad(CryptoProvider provider, Vector v) {
        Aead aead = provider.aead(v.algorithm(), Secret.copyOf(hex(v.key())));
        byte[] sealed = hex(v.ciphertext() + v.tag());
        byte[] aad = hex(v.aad());
        for (int bit = 0; bit < sealed.length * 8; bit += 7) {
            byte[] tampered = sealed.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertBadRecordMac(() -> aead.open(hex(v.nonce()), aad, tampered));
        }
        for (int bit = 0; bit < aad.length * 8; bit += 5) {
            byte[] tamperedAad = aad.clone();
            tamperedAad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertBadRecordMac(() -> aead.open(hex(v.nonce()), tamperedAad, sealed));
        }
        byte[] otherNonce = hex(v.nonce());
        otherNonce[11] ^= 1;
        assertBadRecordMac(() -> aead.open(otherNonce, aad, sealed));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndAlgorithms")
    void rejectsInputShorterThanTheTag(CryptoProvider provider, AeadAlgorithm algorithm) {
        Aead aead = provider.aead(algorithm, Secret.copyOf(new byte[algorithm.keyLength()]));

        assertBadRecordMac(() -> aead.open(new byte[12], new byte[0], new byte[algorithm.tagLength() - 1]));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndAlgorithms")
    void sealsAndOpensInPlaceAtOffsetsLikeTheOtherProviders(CryptoProvider provider, AeadAlgorithm algorithm) {
        long seed = 0x5EA1L + algorithm.ordinal();
        SplittableRandom random = new SplittableRandom(seed);
        byte[] key = bytes(random, algorithm.keyLength());
        byte[] nonce = bytes(random, 12);
        byte[] aad = bytes(random, 13);
        for (int length : new int[] {0, 1, 15, 16, 17, 255, 16384}) {
            byte[] plaintext = bytes(random, length);
            byte[] expected = CryptoProviders.jdk().aead(algorithm, Secret.copyOf(key)).seal(nonce, aad, plaintext);
            Aead aead = provider.aead(algorithm, Secret.copyOf(key));
            byte[] buffer = new byte[5 + length + algorithm.tagLength()];
            System.arraycopy(plaintext, 0, buffer, 5, length);

            int sealedLength = aead.seal(nonce, aad, buffer, 5, length, buffer, 5);
            assertThat(Arrays.copyOfRange(buffer, 5, 5 + sealedLength)).as("seed %d length %d", seed, length)
                    .isEqualTo(expected);
            int openedLength = aead.open(nonce, aad, buffer, 5, sealedLength, buffer, 5);
            assertThat(Arrays.copyOfRange(buffer, 5, 5 + openedLength)).as("seed %d length %d", seed, length)
                    .isEqualTo(plaintext);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndAlgorithms")
    void refusesUseAfterDestroyAndHidesTheKeyFromToString(CryptoProvider provider, AeadAlgorithm algorithm)
            throws Exception {
        byte[] key = new byte[algorithm.keyLength()];
        Arrays.fill(key, (byte) 0x42);
        Aead aead = provider.aead(algorithm, Secret.copyOf(key));
        aead.destroy();

        assertThat(aead.isDestroyed()).isTrue();
        assertThat(aead.toString()).doesNotContain("42");
        assertThatThrownBy(() -> aead.seal(new byte[12], new byte[0], new byte[1]))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void assertBadRecordMac(Runnable open) {
        assertThatThrownBy(open::run).isInstanceOf(TlsException.class)
                .extracting(e -> ((TlsException) e).reason()).isEqualTo(Reason.BAD_RECORD_MAC);
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    /** Hex of ASCII text, so the RFC's plaintext can be typed as text. */
    static final class HexFormatting {
        static String ascii(String text) {
            return java.util.HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
