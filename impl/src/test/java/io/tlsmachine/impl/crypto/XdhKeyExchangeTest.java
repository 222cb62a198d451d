package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import static io.tlsmachine.impl.crypto.Providers.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 7748 §5.2 and §6.1/§6.2 vectors, and the share checks of RFC 8446 §4.2.8.2 / §7.4.2. */
class XdhKeyExchangeTest {
    static final String ALICE_25519 = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    static final String ALICE_25519_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    static final String BOB_25519 = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    static final String BOB_25519_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    static final String SHARED_25519 = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

    private static final String ALICE_448 = "9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28d"
            + "d9c9baf574a9419744897391006382a6f127ab1d9ac2d8c0a598726b";
    private static final String ALICE_448_PUBLIC = "9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c"
            + "22c5d9bbc836647241d953d40c5b12da88120d53177f80e532c41fa0";
    private static final String BOB_448 = "1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d"
            + "6927c120bb5ee8972b0d3e21374c9c921b09d1b0366f10b65173992d";
    private static final String BOB_448_PUBLIC = "3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b430"
            + "27d8b972fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609";
    private static final String SHARED_448 = "07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282b"
            + "b60c0b56fd2464c335543936521c24403085d59a449a5037514a879d";

    static Stream<Arguments> scalarMultiplicationVectors() {
        return Providers.all().flatMap(provider -> Stream.of(
                Arguments.of(provider, KeyExchangeGroup.X25519,
                        "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
                        "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
                        "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"),
                Arguments.of(provider, KeyExchangeGroup.X25519,
                        "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
                        "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
                        "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"),
                Arguments.of(provider, KeyExchangeGroup.X448,
                        "3d262fddf9ec8e88495266fea19a34d28882acef045104d0d1aae121"
                        + "700a779c984c24f8cdd78fbff44943eba368f54b29259a4f1c600ad3",
                        "06fce640fa3487bfda5f6cf2d5263f8aad88334cbd07437f020f08f9"
                        + "814dc031ddbdc38c19c6da2583fa5429db94ada18aa7a7fb4ef8a086",
                        "ce3e4ff95a60dc6697da1db1d85e6afbdf79b50a2412d7546d5f239f"
                        + "e14fbaadeb445fc66a01b0779d98223961111e21766282f73dd96b6f")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scalarMultiplicationVectors")
    void multipliesAsRfc7748Section5Point2Says(CryptoProvider provider, KeyExchangeGroup group, String scalar,
            String u, String expected) {
        Secret result = provider.keyExchangeFromPrivate(group, hex(scalar)).agree(hex(u));

        assertThat(result.bytes()).isEqualTo(hex(expected));
    }

    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void runsTheX25519ExchangeOfRfc7748Section6Point1(CryptoProvider provider) {
        KeyExchange alice = provider.keyExchangeFromPrivate(KeyExchangeGroup.X25519, hex(ALICE_25519));
        KeyExchange bob = provider.keyExchangeFromPrivate(KeyExchangeGroup.X25519, hex(BOB_25519));

        assertThat(alice.publicShare()).isEqualTo(hex(ALICE_25519_PUBLIC));
        assertThat(bob.publicShare()).isEqualTo(hex(BOB_25519_PUBLIC));
        assertThat(alice.agree(hex(BOB_25519_PUBLIC)).bytes()).isEqualTo(hex(SHARED_25519));
        assertThat(bob.agree(hex(ALICE_25519_PUBLIC)).bytes()).isEqualTo(hex(SHARED_25519));
    }

    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void runsTheX448ExchangeOfRfc7748Section6Point2(CryptoProvider provider) {
        KeyExchange alice = provider.keyExchangeFromPrivate(KeyExchangeGroup.X448, hex(ALICE_448));
        KeyExchange bob = provider.keyExchangeFromPrivate(KeyExchangeGroup.X448, hex(BOB_448));

        assertThat(alice.publicShare()).isEqualTo(hex(ALICE_448_PUBLIC));
        assertThat(bob.publicShare()).isEqualTo(hex(BOB_448_PUBLIC));
        assertThat(alice.agree(hex(BOB_448_PUBLIC)).bytes()).isEqualTo(hex(SHARED_448));
        assertThat(bob.agree(hex(ALICE_448_PUBLIC)).bytes()).isEqualTo(hex(SHARED_448));
    }

    static Stream<Arguments> smallOrderPoints() {
        return Providers.all().flatMap(provider -> Stream.of(
                Arguments.of(provider, KeyExchangeGroup.X25519, "00".repeat(32)),
                Arguments.of(provider, KeyExchangeGroup.X25519, "01" + "00".repeat(31)),
                // order 8
                Arguments.of(provider, KeyExchangeGroup.X25519,
                        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
                Arguments.of(provider, KeyExchangeGroup.X25519,
                        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
                // p, the non-canonical encoding of 0
                Arguments.of(provider, KeyExchangeGroup.X25519, "ed" + "ff".repeat(30) + "7f"),
                // p-1, i.e. u = -1, of order 4 (clamped scalars are multiples of 8)
                Arguments.of(provider, KeyExchangeGroup.X25519, "ec" + "ff".repeat(30) + "7f"),
                Arguments.of(provider, KeyExchangeGroup.X448, "00".repeat(56)),
                Arguments.of(provider, KeyExchangeGroup.X448, "01" + "00".repeat(55))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("smallOrderPoints")
    void rejectsAPeerShareThatGivesTheAllZeroSecret(CryptoProvider provider, KeyExchangeGroup group, String share) {
        KeyExchange ours = provider.generateKeyExchange(group, new java.security.SecureRandom());

        KeyShareAssertions.assertInvalidKeyShare(() -> ours.agree(hex(share)));
    }

    static Stream<Arguments> wrongLengths() {
        return Providers.all().flatMap(provider -> Stream.of(
                Arguments.of(provider, KeyExchangeGroup.X25519, 0),
                Arguments.of(provider, KeyExchangeGroup.X25519, 31),
                Arguments.of(provider, KeyExchangeGroup.X25519, 33),
                Arguments.of(provider, KeyExchangeGroup.X25519, 56),
                Arguments.of(provider, KeyExchangeGroup.X448, 32),
                Arguments.of(provider, KeyExchangeGroup.X448, 55),
                Arguments.of(provider, KeyExchangeGroup.X448, 57)));
    }

    @ParameterizedTest(name = "{0} {1} {2} bytes")
    @MethodSource("wrongLengths")
    void rejectsAShareOfTheWrongLength(CryptoProvider provider, KeyExchangeGroup group, int length) {
        KeyExchange ours = provider.generateKeyExchange(group, new java.security.SecureRandom());
        byte[] share = new byte[length];
        java.util.Arrays.fill(share, (byte) 0x55);

        KeyShareAssertions.assertInvalidKeyShare(() -> ours.agree(share));
    }
}
