package io.tlsmachine.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpaqueTest {

    @Test
    void copiesBytesInAndOut() {
        byte[] source = {1, 2, 3};
        Opaque opaque = Opaque.of(source);
        source[0] = 9;
        byte[] out = opaque.toByteArray();
        out[1] = 9;
        assertThat(opaque).isEqualTo(Opaque.ofUnsigned(1, 2, 3));
    }

    @Test
    void comparesAndHashesByContent() {
        assertThat(Opaque.ofHex("0a0b")).isEqualTo(Opaque.ofUnsigned(10, 11))
                .hasSameHashCodeAs(Opaque.ofUnsigned(10, 11))
                .isNotEqualTo(Opaque.ofUnsigned(10));
        assertThat(Opaque.of(new byte[0])).isSameAs(Opaque.EMPTY);
    }

    @Test
    void printsHex() {
        assertThat(Opaque.ofHex("DE AD be ef")).hasToString("deadbeef");
    }

    @Test
    void comparesInConstantTimeByContent() {
        assertThat(Opaque.ofHex("0102").constantTimeEquals(Opaque.ofHex("0102"))).isTrue();
        assertThat(Opaque.ofHex("0102").constantTimeEquals(Opaque.ofHex("0103"))).isFalse();
        assertThat(Opaque.ofHex("0102").constantTimeEquals(Opaque.ofHex("01"))).isFalse();
    }
}
