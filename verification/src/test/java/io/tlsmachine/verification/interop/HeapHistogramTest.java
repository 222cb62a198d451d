package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapHistogramTest {
    private static final String BEFORE = """
            4242:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          1000          64000  [B (java.base@17.0.15)
               2:           500          12000  java.lang.String (java.base@17.0.15)
            Total          1500          76000
            """;
    private static final String AFTER = """
            4242:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          3000         192000  [B (java.base@17.0.15)
               2:          1000          48000  io.tlsmachine.TlsEngine
               3:           400           9600  java.lang.String (java.base@17.0.15)
            Total          4400         249600
            """;

    @Test
    void readsTheTotalAndTheBytesOfEachClass() {
        HeapHistogram histogram = HeapHistogram.parse(AFTER, 1234);
        assertThat(histogram.liveBytes()).isEqualTo(249_600);
        assertThat(histogram.bytesByClass()).containsEntry("[B", 192_000L).containsEntry("io.tlsmachine.TlsEngine",
                48_000L).hasSize(3);
        assertThat(histogram.residentKilobytes()).isEqualTo(1234);
    }

    @Test
    void listsTheClassesThatGrewMostFirst() {
        HeapHistogram before = HeapHistogram.parse(BEFORE, 0);
        HeapHistogram after = HeapHistogram.parse(AFTER, 0);
        assertThat(after.growthSince(before, 2)).isEqualTo(List.of(new HeapHistogram.Growth("[B", 128_000),
                new HeapHistogram.Growth("io.tlsmachine.TlsEngine", 48_000)));
        assertThat(after.growthSince(before, 3).get(2)).isEqualTo(new HeapHistogram.Growth("java.lang.String", -2_400));
    }

    @Test
    void rejectsOutputThatIsNoHistogram() {
        assertThatThrownBy(() -> HeapHistogram.parse("4242:\ncom.sun.tools.attach.AttachNotSupportedException: "
                + "Unable to open socket file\n", 0)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("not a class histogram");
    }
}
