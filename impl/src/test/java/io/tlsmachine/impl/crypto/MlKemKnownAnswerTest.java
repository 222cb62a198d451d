package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ML-KEM-768 (FIPS 203) against NIST's ACVP vector ML-KEM-encapDecap-FIPS203 tcId 26 (usnistgov/ACVP-Server,
 * gen-val/json-files; copied into {@code src/test/resources/mlkem/}), through the pure MLKEM768 group of each
 * provider: the JCA path (jdk) and Bouncy Castle's lightweight classes (bc).
 */
class MlKemKnownAnswerTest {
    private static final AcvpVector VECTOR = AcvpVector.ML_KEM_768_TC26;

    /** FIPS 203 §7.2 Encaps with the vector's m as the randomness: the vector's ciphertext and shared secret. */
    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void encapsulatesToTheVectorsCiphertextAndSecret(CryptoProvider provider) {
        KeyExchange server = provider.respondKeyExchange(KeyExchangeGroup.MLKEM768, AcvpVector.replaying(VECTOR.value("m")));

        Secret secret = server.agree(VECTOR.value("ek"));

        assertThat(secret.bytes()).isEqualTo(VECTOR.value("k"));
        assertThat(server.publicShare()).isEqualTo(VECTOR.value("c"));
    }

    /** FIPS 203 §7.3 Decaps of the vector's ciphertext with its expanded decapsulation key. */
    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void decapsulatesTheVectorsCiphertext(CryptoProvider provider) {
        KeyExchange client = provider.keyExchangeFromPrivate(KeyExchangeGroup.MLKEM768, VECTOR.value("dk"));

        assertThat(client.publicShare()).isEqualTo(VECTOR.value("ek"));
        assertThat(client.agree(VECTOR.value("c")).bytes()).isEqualTo(VECTOR.value("k"));
    }

    /** FIPS 203 §6.3 implicit rejection: a modified ciphertext decapsulates to a different secret, not an error. */
    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void rejectsAModifiedCiphertextImplicitly(CryptoProvider provider) {
        byte[] ciphertext = VECTOR.value("c");
        ciphertext[0] ^= 1;
        KeyExchange client = provider.keyExchangeFromPrivate(KeyExchangeGroup.MLKEM768, VECTOR.value("dk"));

        assertThat(client.agree(ciphertext).bytes()).hasSize(32).isNotEqualTo(VECTOR.value("k"));
    }
}
