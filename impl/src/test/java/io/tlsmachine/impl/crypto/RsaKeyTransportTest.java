package io.tlsmachine.impl.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TLS 1.2 RSA key transport across providers, and the RFC 5246 §7.4.7.1 countermeasure: every
 * malformed EncryptedPreMasterSecret yields the fallback instead of an error.
 */
class RsaKeyTransportTest {
    private static final int TLS12 = 0x0303;
    private static KeyPair rsa;

    @BeforeAll
    static void generateKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
    }

    static Stream<Arguments> encrypterAndDecrypter() {
        return Providers.all().flatMap(a -> Providers.all().map(b -> Arguments.of(a, b)));
    }

    @ParameterizedTest(name = "encrypted by {0}, decrypted by {1}")
    @MethodSource("encrypterAndDecrypter")
    void decryptsWhatTheOtherProviderEncrypted(CryptoProvider encrypter, CryptoProvider decrypter) {
        byte[] premaster = premaster(TLS12, 1);
        byte[] encrypted = encrypter.rsaEncrypt(rsa.getPublic(), premaster, new SecureRandom());

        Secret decrypted = decrypter.rsaDecryptPremaster(rsa.getPrivate(), encrypted, fallback(), TLS12);

        assertThat(decrypted.bytes()).isEqualTo(premaster);
    }

    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void returnsTheFallbackForAWrongClientVersion(CryptoProvider provider) {
        byte[] encrypted = provider.rsaEncrypt(rsa.getPublic(), premaster(0x0302, 2), new SecureRandom());

        assertThat(provider.rsaDecryptPremaster(rsa.getPrivate(), encrypted, fallback(), TLS12).bytes())
                .isEqualTo(fallback());
    }

    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void returnsTheFallbackForAPremasterOfTheWrongLength(CryptoProvider provider) {
        for (int length : new int[] {0, 2, 47, 49, 100}) {
            byte[] message = Arrays.copyOf(premaster(TLS12, 3), length);
            byte[] encrypted = provider.rsaEncrypt(rsa.getPublic(), message, new SecureRandom());
            assertThat(provider.rsaDecryptPremaster(rsa.getPrivate(), encrypted, fallback(), TLS12).bytes())
                    .as("length %d", length).isEqualTo(fallback());
        }
    }

    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void returnsTheFallbackForEveryKindOfBadPadding(CryptoProvider provider) {
        int k = 256;
        byte[] good = encodedMessage(k, premaster(TLS12, 4));
        byte[] blockType1 = good.clone();
        blockType1[1] = 0x01;
        byte[] nonZeroFirstByte = good.clone();
        nonZeroFirstByte[0] = 0x01;
        byte[] zeroInPadding = good.clone();
        zeroInPadding[5] = 0x00; // the separator comes too early: M is longer than 48 bytes
        byte[] noSeparator = good.clone();
        noSeparator[k - 49] = 0x01;

        assertThat(decryptRaw(provider, good)).isEqualTo(premaster(TLS12, 4));
        for (byte[] bad : new byte[][] {blockType1, nonZeroFirstByte, zeroInPadding, noSeparator}) {
            assertThat(decryptRaw(provider, bad)).isEqualTo(fallback());
        }
    }

    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void returnsTheFallbackForCiphertextsOfTheWrongSizeOrValue(CryptoProvider provider) {
        BigInteger n = ((RSAPublicKey) rsa.getPublic()).getModulus();
        long seed = 7;
        byte[] random = new byte[256];
        new Random(seed).nextBytes(random);

        for (byte[] ciphertext : new byte[][] {new byte[0], new byte[255], new byte[257], random,
                FixedLength.bigEndian(n, 256), FixedLength.bigEndian(n.add(BigInteger.ONE), 256), new byte[256]}) {
            assertThat(provider.rsaDecryptPremaster(rsa.getPrivate(), ciphertext, fallback(), TLS12).bytes())
                    .as("seed %d, %d bytes", seed, ciphertext.length).isEqualTo(fallback());
        }
    }

    /** RSA-encrypts a hand-built encoded message without padding, then decrypts it as a premaster. */
    private static byte[] decryptRaw(CryptoProvider provider, byte[] encodedMessage) {
        RSAPublicKey key = (RSAPublicKey) rsa.getPublic();
        BigInteger c = new BigInteger(1, encodedMessage).modPow(key.getPublicExponent(), key.getModulus());
        return provider.rsaDecryptPremaster(rsa.getPrivate(), FixedLength.bigEndian(c, 256), fallback(), TLS12).bytes();
    }

    /** RFC 8017 §7.2.1 step 2: 0x00 || 0x02 || non-zero padding || 0x00 || M. */
    static byte[] encodedMessage(int k, byte[] message) {
        byte[] em = new byte[k];
        em[1] = 0x02;
        Random random = new Random(11);
        for (int i = 2; i < k - message.length - 1; i++) {
            em[i] = (byte) (1 + random.nextInt(255));
        }
        System.arraycopy(message, 0, em, k - message.length, message.length);
        return em;
    }

    static byte[] premaster(int version, int fill) {
        byte[] premaster = new byte[48];
        Arrays.fill(premaster, (byte) fill);
        premaster[0] = (byte) (version >>> 8);
        premaster[1] = (byte) version;
        return premaster;
    }

    static byte[] fallback() {
        return premaster(TLS12, 0x7F);
    }
}
