package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 7919 §5.1 range checks and the RFC 8446 §7.4.1 padding, for every provider. */
class FfdheKeyExchangeTest {
    static Stream<Arguments> providersAndGroups() {
        return Providers.all().flatMap(provider -> Stream.of(KeyExchangeGroup.FFDHE2048, KeyExchangeGroup.FFDHE3072)
                .map(group -> Arguments.of(provider, group)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndGroups")
    void rejectsPublicValuesOutsideOneToPMinusOne(CryptoProvider provider, KeyExchangeGroup group) {
        BigInteger p = FfdheGroups.prime(group);
        KeyExchange ours = provider.generateKeyExchange(group, new SecureRandom());
        for (BigInteger y : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p}) {
            byte[] share = FixedLength.bigEndian(y, FfdheGroups.byteLength(group));
            KeyShareAssertions.assertInvalidKeyShare(() -> ours.agree(share));
        }
        byte[] aboveP = new byte[FfdheGroups.byteLength(group)];
        java.util.Arrays.fill(aboveP, (byte) 0xFF);
        KeyShareAssertions.assertInvalidKeyShare(() -> ours.agree(aboveP));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndGroups")
    void rejectsAShareNotPaddedToTheLengthOfP(CryptoProvider provider, KeyExchangeGroup group) {
        KeyExchange ours = provider.generateKeyExchange(group, new SecureRandom());
        byte[] valid = provider.generateKeyExchange(group, new SecureRandom()).publicShare();
        byte[] unpadded = new BigInteger(1, new byte[] {0x02, 0x00}).toByteArray();

        KeyShareAssertions.assertInvalidKeyShare(() -> ours.agree(unpadded));
        KeyShareAssertions.assertInvalidKeyShare(() -> ours.agree(java.util.Arrays.copyOf(valid, valid.length + 1)));
        KeyShareAssertions.assertInvalidKeyShare(() -> ours.agree(java.util.Arrays.copyOf(valid, valid.length - 1)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndGroups")
    void padsTheSharedSecretWithLeadingZerosToTheLengthOfP(CryptoProvider provider, KeyExchangeGroup group) {
        // x = 5 and y = 4 give Z = 4^5 = 0x0400, far shorter than p.
        KeyExchange ours = provider.keyExchangeFromPrivate(group, new byte[] {5});
        byte[] four = FixedLength.bigEndian(BigInteger.valueOf(4), FfdheGroups.byteLength(group));

        byte[] secret = ours.agree(four).bytes();

        assertThat(secret).hasSize(FfdheGroups.byteLength(group));
        assertThat(new BigInteger(1, secret)).isEqualTo(BigInteger.valueOf(0x400));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndGroups")
    void publishesGToTheExponentPadded(CryptoProvider provider, KeyExchangeGroup group) {
        byte[] share = provider.keyExchangeFromPrivate(group, new byte[] {3}).publicShare();

        assertThat(share).hasSize(FfdheGroups.byteLength(group));
        assertThat(new BigInteger(1, share)).isEqualTo(BigInteger.valueOf(8));
    }
}
