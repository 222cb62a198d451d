package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import static io.tlsmachine.impl.crypto.Providers.concat;
import static io.tlsmachine.impl.crypto.Providers.counting;
import static io.tlsmachine.impl.crypto.Providers.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hybrid groups of draft-ietf-tls-ecdhe-mlkem §3.1 against values computed apart: each part of every share
 * and secret is recomputed with the other implementation's ML-KEM alone and classical group alone, and joined
 * here, by hand, in the draft's order (ML-KEM first for X25519MLKEM768, ECDH first for the SecP*MLKEM groups).
 */
class HybridKeyExchangeTest {
    private static final AcvpVector VECTOR = AcvpVector.ML_KEM_768_TC26;

    /** A hybrid group, the groups of its two parts alone, and the draft's order. */
    record Hybrid(KeyExchangeGroup group, KeyExchangeGroup mlKem, KeyExchangeGroup classical, int classicalScalarLength,
            boolean mlKemFirst, int clientShareLength, int serverShareLength, int secretLength) {
        @Override
        public String toString() {
            return group.name();
        }
    }

    // draft-ietf-tls-ecdhe-mlkem §3.1: the sizes it states for each share and secret.
    private static final Hybrid X25519_MLKEM768 = new Hybrid(KeyExchangeGroup.X25519MLKEM768, KeyExchangeGroup.MLKEM768,
            KeyExchangeGroup.X25519, 32, true, 1216, 1120, 64);
    private static final Hybrid SECP256R1_MLKEM768 = new Hybrid(KeyExchangeGroup.SECP256R1MLKEM768,
            KeyExchangeGroup.MLKEM768, KeyExchangeGroup.SECP256R1, 32, false, 1249, 1153, 64);
    private static final Hybrid SECP384R1_MLKEM1024 = new Hybrid(KeyExchangeGroup.SECP384R1MLKEM1024,
            KeyExchangeGroup.MLKEM1024, KeyExchangeGroup.SECP384R1, 48, false, 1665, 1665, 80);

    /** Each provider under test with the other implementation that checks it, for each hybrid group. */
    static Stream<Arguments> providersAndHybrids() {
        CryptoProvider jdk = CryptoProviders.jdk();
        CryptoProvider bc = CryptoProviders.bouncyCastle();
        CryptoProvider fastest = CryptoProviders.fastest();
        return Stream.of(X25519_MLKEM768, SECP256R1_MLKEM768, SECP384R1_MLKEM1024).flatMap(hybrid -> Stream.of(
                Arguments.of(jdk, bc, hybrid), Arguments.of(bc, jdk, hybrid),
                Arguments.of(fastest, jdk, hybrid), Arguments.of(fastest, bc, hybrid)));
    }

    /**
     * X25519MLKEM768's client with published values only: ACVP ML-KEM-768 tcId 26 (ek, dk, c, k) and RFC 7748
     * §6.1 (Alice's and Bob's X25519 keys and their shared secret).
     */
    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void x25519Mlkem768ClientMatchesAcvpAndRfc7748(CryptoProvider provider) {
        KeyExchange client = provider.keyExchangeFromPrivate(KeyExchangeGroup.X25519MLKEM768,
                concat(VECTOR.value("dk"), hex(XdhKeyExchangeTest.ALICE_25519)));

        assertThat(client.publicShare()).isEqualTo(concat(VECTOR.value("ek"), hex(XdhKeyExchangeTest.ALICE_25519_PUBLIC)));
        Secret secret = client.agree(concat(VECTOR.value("c"), hex(XdhKeyExchangeTest.BOB_25519_PUBLIC)));
        assertThat(secret.bytes()).isEqualTo(concat(VECTOR.value("k"), hex(XdhKeyExchangeTest.SHARED_25519)));
    }

    @ParameterizedTest(name = "{0} checked by {1}, {2}")
    @MethodSource("providersAndHybrids")
    void clientShareIsBothPartsInTheDraftsOrder(CryptoProvider provider, CryptoProvider other, Hybrid hybrid) {
        byte[] seed = counting(0x40, MlKemParameterSet.SEED_LENGTH);
        byte[] scalar = counting(1, hybrid.classicalScalarLength());

        byte[] share = provider.keyExchangeFromPrivate(hybrid.group(), concat(seed, scalar)).publicShare();

        byte[] mlKemPart = other.keyExchangeFromPrivate(hybrid.mlKem(), seed).publicShare();
        byte[] classicalPart = other.keyExchangeFromPrivate(hybrid.classical(), scalar).publicShare();
        assertThat(share).hasSize(hybrid.clientShareLength())
                .isEqualTo(hybrid.mlKemFirst() ? concat(mlKemPart, classicalPart) : concat(classicalPart, mlKemPart));
    }

    /**
     * The server encapsulates to our client's share; its share is split here by the draft's offsets, and each
     * part agreed on with the other implementation's ML-KEM and classical group, from the client's private keys.
     */
    @ParameterizedTest(name = "{0} checked by {1}, {2}")
    @MethodSource("providersAndHybrids")
    void bothSidesAgreeOnTheSecretComputedApart(CryptoProvider provider, CryptoProvider other, Hybrid hybrid) {
        byte[] seed = new byte[MlKemParameterSet.SEED_LENGTH];
        new SecureRandom().nextBytes(seed);
        byte[] scalar = counting(7, hybrid.classicalScalarLength());
        KeyExchange client = provider.keyExchangeFromPrivate(hybrid.group(), concat(seed, scalar));
        KeyExchange server = provider.respondKeyExchange(hybrid.group(), new SecureRandom());

        Secret serverSecret = server.agree(client.publicShare());
        byte[] serverShare = server.publicShare();
        Secret clientSecret = client.agree(serverShare);

        int classicalLength = serverShare.length - MlKemLengths.ciphertext(hybrid.mlKem());
        byte[] ciphertext = hybrid.mlKemFirst() ? Arrays.copyOfRange(serverShare, 0, serverShare.length - classicalLength)
                : Arrays.copyOfRange(serverShare, classicalLength, serverShare.length);
        byte[] classicalShare = hybrid.mlKemFirst()
                ? Arrays.copyOfRange(serverShare, serverShare.length - classicalLength, serverShare.length)
                : Arrays.copyOfRange(serverShare, 0, classicalLength);
        byte[] mlKemSecret = other.keyExchangeFromPrivate(hybrid.mlKem(), seed).agree(ciphertext).bytes();
        byte[] classicalSecret = other.keyExchangeFromPrivate(hybrid.classical(), scalar).agree(classicalShare).bytes();
        byte[] expected = hybrid.mlKemFirst() ? concat(mlKemSecret, classicalSecret) : concat(classicalSecret, mlKemSecret);

        assertThat(serverShare).hasSize(hybrid.serverShareLength());
        assertThat(serverSecret.bytes()).hasSize(hybrid.secretLength()).isEqualTo(expected);
        assertThat(clientSecret.bytes()).isEqualTo(expected);
    }

    /** FIPS 203 Table 3 ciphertext lengths, typed in from the standard rather than read from the code under test. */
    private static final class MlKemLengths {
        static int ciphertext(KeyExchangeGroup mlKem) {
            return mlKem == KeyExchangeGroup.MLKEM768 ? 1088 : 1568;
        }
    }
}
