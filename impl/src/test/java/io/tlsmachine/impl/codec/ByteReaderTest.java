package io.tlsmachine.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.error.DecodeException;
import io.tlsmachine.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteReaderTest {

    private static ByteReader reader(int... bytes) {
        return ByteReader.of(Opaque.ofUnsigned(bytes).toByteArray());
    }

    @Test
    void readsUnsignedBigEndianIntegersOfEachWidth() {
        ByteReader in = reader(0xFF, 0xFE, 0xDC, 0x01, 0x02, 0x03, 0xFF, 0xFF, 0xFF, 0xFF,
                0x80, 0, 0, 0, 0, 0, 0, 1);
        assertThat(in.u8("a")).isEqualTo(0xFF);
        assertThat(in.u16("b")).isEqualTo(0xFEDC);
        assertThat(in.u24("c")).isEqualTo(0x010203);
        assertThat(in.u32("d")).isEqualTo(0xFFFF_FFFFL);
        assertThat(in.u64("e")).isEqualTo(0x8000_0000_0000_0001L);
        assertThat(in.hasRemaining()).isFalse();
        in.expectEmpty("all");
    }

    @Test
    void failsPastTheEndNamingWhatAndWhere() {
        ByteReader in = reader(1, 2, 3);
        in.u8("first");
        assertThatThrownBy(() -> in.u24("ClientHello.random")).isInstanceOfSatisfying(DecodeException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED_MESSAGE);
            assertThat(e.what()).contains("ClientHello.random");
            assertThat(e.offset()).isEqualTo(1);
        });
    }

    @Test
    void aFailedReadConsumesNothing() {
        ByteReader in = reader(1, 2);
        assertThatThrownBy(() -> in.u24("x")).isInstanceOf(DecodeException.class);
        assertThat(in.u16("y")).isEqualTo(0x0102);
    }

    @Test
    void subReaderIsBoundedByItsLengthAndReportsAbsoluteOffsets() {
        ByteReader in = reader(9, 2, 0xAA, 0xBB, 0xCC);
        in.u8("skip");
        ByteReader sub = in.sub8("vector", 0, 255);
        assertThat(sub.remaining()).isEqualTo(2);
        assertThat(sub.offset()).isEqualTo(2);
        assertThat(sub.u16("inside")).isEqualTo(0xAABB);
        assertThatThrownBy(() -> sub.u8("beyond the vector")).isInstanceOfSatisfying(DecodeException.class,
                e -> assertThat(e.offset()).isEqualTo(4));
        assertThat(in.u8("after")).isEqualTo(0xCC);
    }

    @Test
    void rejectsAVectorShorterThanItsMinimumWithLengthOutOfRange() {
        assertThatThrownBy(() -> reader(0, 1, 0xAA).sub16("cipher_suites", 2, 0xFFFE))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.LENGTH_OUT_OF_RANGE);
                    assertThat(e.what()).contains("cipher_suites");
                    assertThat(e.offset()).isZero();
                });
    }

    @Test
    void rejectsAVectorLongerThanItsMaximumWithLengthOutOfRange() {
        int[] input = new int[34];
        input[0] = 33;
        assertThatThrownBy(() -> reader(input).opaque8("legacy_session_id", 0, 32))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LENGTH_OUT_OF_RANGE));
    }

    @Test
    void rejectsAVectorLongerThanTheRemainingBytes() {
        assertThatThrownBy(() -> reader(0xFF, 0xFF, 0xFF, 1, 2).sub24("certificate_list", 0, 0xFFFFFF))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_MESSAGE);
                    assertThat(e.offset()).isEqualTo(3);
                });
    }

    @Test
    void readsFixedLengthAndOpaqueValuesAsCopies() {
        byte[] input = Opaque.ofUnsigned(1, 2, 3, 2, 4, 5).toByteArray();
        ByteReader in = ByteReader.of(input);
        Opaque fixed = in.fixed("random", 3);
        Opaque vector = in.opaque8("vector", 1, 2);
        input[0] = 99;
        assertThat(fixed).isEqualTo(Opaque.ofUnsigned(1, 2, 3));
        assertThat(vector).isEqualTo(Opaque.ofUnsigned(4, 5));
    }

    @Test
    void readsListsElementByElement() {
        List<Integer> list = reader(0, 4, 0, 1, 0, 2).list16("pairs", 2, 0xFFFE, r -> r.u16("pair"));
        assertThat(list).containsExactly(1, 2);
    }

    @Test
    void rejectsAListWhoseLengthIsNotAMultipleOfItsElement() {
        assertThatThrownBy(() -> reader(0, 3, 0, 1, 0).list16("cipher_suites", 2, 0xFFFE, r -> r.u16("suite")))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void expectEmptyRejectsTrailingBytes() {
        ByteReader in = reader(1, 2);
        in.u8("one");
        assertThatThrownBy(() -> in.expectEmpty("Finished")).isInstanceOfSatisfying(DecodeException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TRAILING_BYTES);
            assertThat(e.offset()).isEqualTo(1);
        });
    }

    @Test
    void restTakesWhatIsLeft() {
        ByteReader in = reader(1, 2, 3);
        in.u8("one");
        assertThat(in.restOpaque()).isEqualTo(Opaque.ofUnsigned(2, 3));
        assertThat(in.restOpaque().isEmpty()).isTrue();
    }

    @Test
    void readsAWindowOfAnArrayReportingOffsetsInTheWholeArray() {
        byte[] buffer = {9, 9, 1, 2, 9};
        ByteReader window = ByteReader.of(buffer, 2, 2);
        assertThat(window.u16("two")).isEqualTo(0x0102);
        assertThatThrownBy(() -> window.u8("past the window")).isInstanceOfSatisfying(DecodeException.class,
                e -> assertThat(e.offset()).isEqualTo(4));
        assertThatThrownBy(() -> ByteReader.of(buffer, 4, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void copiesARangeAlreadyRead() {
        ByteReader in = reader(1, 2, 3, 4);
        in.u16("two");
        assertThat(in.copyOfRange(1, 3)).containsExactly(2, 3);
    }
}
