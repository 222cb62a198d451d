package io.tlsmachine.impl.crypto;

import static io.tlsmachine.impl.crypto.Providers.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** FIPS 180-4 example values ("abc", and the empty string) for every provider. */
class DigestTest {
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void hashesAbcAsFips180Says(CryptoProvider provider) {
        assertThat(hash(provider, HashAlgorithm.SHA256, ABC)).isEqualTo(
                hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(hash(provider, HashAlgorithm.SHA384, ABC)).isEqualTo(hex(
                "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"));
        assertThat(hash(provider, HashAlgorithm.SHA512, ABC)).isEqualTo(hex(
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"));
    }

    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void hashesTheEmptyString(CryptoProvider provider) {
        assertThat(hash(provider, HashAlgorithm.SHA256, new byte[0])).isEqualTo(
                hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void copyContinuesIndependentlyOfTheOriginal(CryptoProvider provider) {
        Digest original = provider.digest(HashAlgorithm.SHA256);
        original.update("ab".getBytes(StandardCharsets.US_ASCII));
        Digest snapshot = original.copy();
        original.update("c".getBytes(StandardCharsets.US_ASCII));

        assertThat(original.finish()).isEqualTo(hash(provider, HashAlgorithm.SHA256, ABC));
        assertThat(snapshot.finish()).isEqualTo(
                hash(provider, HashAlgorithm.SHA256, "ab".getBytes(StandardCharsets.US_ASCII)));
        assertThat(snapshot.algorithm()).isEqualTo(HashAlgorithm.SHA256);
    }

    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void finishResetsTheRunningHash(CryptoProvider provider) {
        Digest digest = provider.digest(HashAlgorithm.SHA384);
        digest.update(ABC);
        byte[] first = digest.finish();
        digest.update(ABC);

        assertThat(digest.finish()).isEqualTo(first).hasSize(HashAlgorithm.SHA384.length());
    }

    private static byte[] hash(CryptoProvider provider, HashAlgorithm algorithm, byte[] data) {
        Digest digest = provider.digest(algorithm);
        digest.update(data);
        return digest.finish();
    }
}
