package io.tlsmachine.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteWriterTest {

    @Test
    void writesUnsignedBigEndianIntegersOfEachWidth() {
        byte[] bytes = new ByteWriter().u8(0xFF).u16(0xFEDC).u24(0x010203).u32(0xFFFF_FFFFL)
                .u64(0x8000_0000_0000_0001L).toByteArray();
        assertThat(Opaque.of(bytes).toHex()).isEqualTo("fffedc010203ffffffff8000000000000001");
    }

    @Test
    void rejectsIntegersThatDoNotFitTheirWidth() {
        assertThatThrownBy(() -> new ByteWriter().u8(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ByteWriter().u16(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ByteWriter().u24(0x1000000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ByteWriter().u32(0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixedBlocksMeasureTheirOwnLengthWhenNested() {
        byte[] bytes = new ByteWriter().prefixed16(outer -> outer.u8(7).prefixed8(inner -> inner.u16(0xABCD))
                .prefixed24(empty -> { })).toByteArray();
        assertThat(Opaque.of(bytes).toHex()).isEqualTo("0007" + "07" + "02abcd" + "000000");
    }

    @Test
    void aPrefixedBlockLongerThanItsPrefixCanHoldFailsAsAnInternalError() {
        assertThatThrownBy(() -> new ByteWriter().prefixed8(w -> w.bytes(new byte[256])))
                .isInstanceOfSatisfying(TlsException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INTERNAL_ERROR));
        byte[] ok = new ByteWriter().prefixed8(w -> w.bytes(new byte[255])).toByteArray();
        assertThat(ok).hasSize(256);
    }

    @Test
    void aPrefixedBlockOutsideItsStatedBoundsFails() {
        assertThatThrownBy(() -> new ByteWriter().prefixed16("cipher_suites", 2, 0xFFFE, w -> { }))
                .isInstanceOfSatisfying(TlsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INTERNAL_ERROR);
                    assertThat(e.getMessage()).contains("cipher_suites");
                });
        assertThatThrownBy(() -> new ByteWriter().opaque8("legacy_session_id", 0, 32, Opaque.of(new byte[33])))
                .isInstanceOf(TlsException.class);
    }

    @Test
    void a24BitPrefixHoldsMoreThan64KiB() {
        byte[] bytes = new ByteWriter().prefixed24(w -> w.bytes(new byte[70_000])).toByteArray();
        assertThat(bytes).hasSize(70_003);
        assertThat(ByteReader.of(bytes).sub24("block", 0, 0xFFFFFF).remaining()).isEqualTo(70_000);
    }

    @Test
    void listsAreWrittenElementByElementInsideTheirPrefix() {
        byte[] bytes = new ByteWriter().list16("list", 2, 0xFFFE, List.of(1, 0x1301), (w, v) -> w.u16(v)).toByteArray();
        assertThat(Opaque.of(bytes).toHex()).isEqualTo("000400011301");
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        ByteWriter writer = new ByteWriter(1);
        for (int i = 0; i < 1000; i++) {
            writer.u8(i & 0xFF);
        }
        assertThat(writer.size()).isEqualTo(1000);
        assertThat(writer.toByteArray()[999]).isEqualTo((byte) 999);
    }
}
