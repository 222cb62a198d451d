package io.tlsmachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.Opaque;
import org.junit.jupiter.api.Test;

/** The single-use record of 0-RTT tickets (RFC 8446 §8.1): once per ticket, bounded, forgetting expired tickets. */
class EarlyDataAntiReplayTest {

    private static byte[] id(int n) {
        return Opaque.ofUnsigned(n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).toByteArray();
    }

    @Test
    void aTicketCarriesEarlyDataOnlyOnce() {
        EarlyDataAntiReplay record = new EarlyDataAntiReplay(4);
        assertThat(record.firstUse(id(1), 10_000, 0)).isTrue();
        assertThat(record.firstUse(id(1), 10_000, 5_000)).isFalse();
        assertThat(record.firstUse(id(2), 10_000, 5_000)).isTrue();
        assertThat(record.size()).isEqualTo(2);
    }

    @Test
    void aFullRecordRefusesNewTicketsUntilSomeExpire() {
        EarlyDataAntiReplay record = new EarlyDataAntiReplay(2);
        assertThat(record.firstUse(id(1), 1_000, 0)).isTrue();
        assertThat(record.firstUse(id(2), 5_000, 0)).isTrue();
        assertThat(record.firstUse(id(3), 5_000, 500)).as("full of unexpired tickets").isFalse();
        assertThat(record.firstUse(id(3), 5_000, 1_000)).as("the first ticket expired").isTrue();
        assertThat(record.size()).isEqualTo(2);
    }

    @Test
    void anExpiredEntryNoLongerBlocksItsTicket() {
        EarlyDataAntiReplay record = new EarlyDataAntiReplay(2);
        assertThat(record.firstUse(id(1), 1_000, 0)).isTrue();
        assertThat(record.firstUse(id(1), 2_000, 1_000)).isTrue();
    }

    @Test
    void rejectsANonPositiveCapacity() {
        assertThatThrownBy(() -> new EarlyDataAntiReplay(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configurationWithZeroRttSharesOneRecordAcrossItsCopies() {
        TlsConfig config = TlsConfig.builder().maxEarlyDataSize(100).build();
        assertThat(config.earlyDataAntiReplay()).isPresent();
        assertThat(config.toBuilder().build().earlyDataAntiReplay().orElseThrow())
                .isSameAs(config.earlyDataAntiReplay().orElseThrow());
        assertThat(TlsConfig.builder().build().earlyDataAntiReplay()).isEmpty();
        assertThat(TlsConfig.builder().build().maxEarlyDataSize()).isZero();
        assertThatThrownBy(() -> TlsConfig.builder().maxEarlyDataSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
