package io.tlsmachine.impl.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The allocation oracle fails on what every run allocates, and not on a one-off cost of a single run. */
class FuzzOracleTest {
    private static final long BOUND = 1 << 20;
    private static volatile byte[] sink;

    @Test
    void allocationThatEveryRunRepeatsFails() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> FuzzOracle.withinAllocationOnce("trusting a length", BOUND, () -> {
            runs.incrementAndGet();
            return () -> sink = new byte[4 << 20];
        })).isInstanceOf(AssertionError.class).hasMessageContaining("trusting a length allocated at least")
                .hasMessageContaining("more than the bound " + BOUND);
        assertThat(runs).hasValue(FuzzOracle.RETRIES + 1);
    }

    @Test
    void aOneOffCostOfTheFirstRunDoesNotFail() {
        AtomicInteger runs = new AtomicInteger();
        FuzzOracle.withinAllocationOnce("class loading once", BOUND, () -> {
            boolean first = runs.getAndIncrement() == 0;
            return () -> sink = new byte[first ? 4 << 20 : 16];
        });
        assertThat(runs).hasValue(2);
    }

    @Test
    void workWithinTheBoundRunsOnce() {
        AtomicInteger runs = new AtomicInteger();
        FuzzOracle.withinAllocationOnce("small", BOUND, () -> {
            runs.incrementAndGet();
            return () -> sink = new byte[16];
        });
        assertThat(runs).hasValue(1);
    }
}
