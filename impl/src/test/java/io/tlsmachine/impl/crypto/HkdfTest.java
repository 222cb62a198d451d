package io.tlsmachine.impl.crypto;

import static io.tlsmachine.impl.crypto.Providers.counting;
import static io.tlsmachine.impl.crypto.Providers.hex;
import static io.tlsmachine.impl.crypto.Providers.repeated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 5869 Appendix A.1-A.3 (the SHA-256 cases) through every provider's HMAC. */
class HkdfTest {
    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void matchesRfc5869TestCase1(CryptoProvider provider) {
        Hkdf hkdf = new Hkdf(provider, HashAlgorithm.SHA256);
        Secret prk = hkdf.extract(counting(0x00, 13), repeated(0x0b, 22));

        assertThat(prk.bytes()).isEqualTo(hex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"));
        assertThat(hkdf.expand(prk, counting(0xf0, 10), 42).bytes()).isEqualTo(hex(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
    }

    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void matchesRfc5869TestCase2WithLongInputs(CryptoProvider provider) {
        Hkdf hkdf = new Hkdf(provider, HashAlgorithm.SHA256);
        Secret prk = hkdf.extract(counting(0x60, 80), counting(0x00, 80));

        assertThat(prk.bytes()).isEqualTo(hex("06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244"));
        assertThat(hkdf.expand(prk, counting(0xb0, 80), 82).bytes()).isEqualTo(hex(
                "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                + "cc30c58179ec3e87c14c01d5c1f3434f1d87"));
    }

    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void matchesRfc5869TestCase3WithEmptySaltAndInfo(CryptoProvider provider) {
        Hkdf hkdf = new Hkdf(provider, HashAlgorithm.SHA256);
        Secret prk = hkdf.extract(new byte[0], repeated(0x0b, 22));

        assertThat(prk.bytes()).isEqualTo(hex("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04"));
        assertThat(hkdf.expand(prk, new byte[0], 42).bytes()).isEqualTo(hex(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
    }

    @ParameterizedTest
    @MethodSource("io.tlsmachine.impl.crypto.Providers#all")
    void refusesToExpandBeyond255Blocks(CryptoProvider provider) {
        Hkdf hkdf = new Hkdf(provider, HashAlgorithm.SHA256);
        Secret prk = hkdf.extract(new byte[0], new byte[32]);

        assertThat(hkdf.expand(prk, new byte[0], 255 * 32).length()).isEqualTo(255 * 32);
        assertThatThrownBy(() -> hkdf.expand(prk, new byte[0], 255 * 32 + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
