package io.tlsmachine.impl.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exhaustive single-byte corruptions of a well-formed encoded premaster message (RFC 5246 §7.4.7.1). */
class RsaPremasterSelectionTest {
    private static final int TLS12 = 0x0303;

    @Test
    void selectsTheMessageOnlyWhenPaddingLengthAndVersionAreAllRight() {
        byte[] message = RsaKeyTransportTest.premaster(TLS12, 0x33);
        byte[] fallback = RsaKeyTransportTest.fallback();
        byte[] good = RsaKeyTransportTest.encodedMessage(128, message);
        assertThat(RsaPremasterSelection.select(good, fallback, TLS12)).isEqualTo(message);

        int selectedMessage = 0;
        for (int position = 0; position < good.length; position++) {
            for (int value : new int[] {0x00, 0x01, 0x02, 0x03, 0x80, 0xFF}) {
                byte[] em = good.clone();
                em[position] = (byte) value;
                byte[] selected = RsaPremasterSelection.select(em, fallback, TLS12);
                boolean stillValid = isValid(em);
                assertThat(selected).as("byte %d = %02x", position, value)
                        .isEqualTo(stillValid ? java.util.Arrays.copyOfRange(em, 80, 128) : fallback);
                selectedMessage += stillValid ? 1 : 0;
            }
        }
        assertThat(selectedMessage).isGreaterThan(0);
    }

    @Test
    void returnsTheFallbackForKeysTooSmallToHoldAPremaster() {
        byte[] fallback = RsaKeyTransportTest.fallback();

        assertThat(RsaPremasterSelection.select(new byte[58], fallback, TLS12)).isEqualTo(fallback);
    }

    /** The specification, written the plain (branching) way. */
    private static boolean isValid(byte[] em) {
        int separator = em.length - 49;
        if (em[0] != 0 || em[1] != 2 || em[separator] != 0) {
            return false;
        }
        for (int i = 2; i < separator; i++) {
            if (em[i] == 0) {
                return false;
            }
        }
        return em[separator + 1] == 0x03 && em[separator + 2] == 0x03;
    }
}
