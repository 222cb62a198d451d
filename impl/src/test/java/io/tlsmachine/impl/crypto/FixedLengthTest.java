package io.tlsmachine.impl.crypto;

import static io.tlsmachine.impl.crypto.Providers.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fixed-length encodings: padding, the sign byte BigInteger adds, overflow, and little-endian round trips. */
class FixedLengthTest {
    @Test
    void padsBigEndianOnTheLeft() {
        assertThat(FixedLength.bigEndian(BigInteger.valueOf(0x0400), 4)).isEqualTo(hex("00000400"));
        assertThat(FixedLength.bigEndian(BigInteger.ZERO, 3)).isEqualTo(hex("000000"));
    }

    @Test
    void dropsTheSignByteOfValuesWithTheTopBitSet() {
        assertThat(FixedLength.bigEndian(BigInteger.valueOf(0xFF80), 2)).isEqualTo(hex("ff80"));
    }

    @Test
    void refusesValuesThatDoNotFit() {
        assertThatThrownBy(() -> FixedLength.bigEndian(BigInteger.valueOf(0x010000), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedLength.bigEndian(BigInteger.ONE.negate(), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leftPadsStrippedResultsAndKeepsFullOnes() {
        byte[] full = hex("0102");

        assertThat(FixedLength.leftPad(hex("01"), 3)).isEqualTo(hex("000001"));
        assertThat(FixedLength.leftPad(full, 2)).isSameAs(full);
    }

    @Test
    void roundTripsLittleEndianAsRfc7748Section5Decodes() {
        long seed = 7748;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            BigInteger value = FixedLength.fromLittleEndian(bytes);
            assertThat(FixedLength.littleEndian(value, 32)).as("seed %d round %d", seed, i).isEqualTo(bytes);
        }
        assertThat(FixedLength.fromLittleEndian(hex("0900000000"))).isEqualTo(BigInteger.valueOf(9));
    }
}
