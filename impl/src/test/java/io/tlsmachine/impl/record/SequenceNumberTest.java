package io.tlsmachine.impl.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import org.junit.jupiter.api.Test;

class SequenceNumberTest {

    @Test
    void startsAtZeroAndIncrementsByOnePerRecord() {
        SequenceNumber sequence = new SequenceNumber(100);
        for (long expected = 0; expected < 5; expected++) {
            assertThat(sequence.current()).isEqualTo(expected);
            sequence.advance();
        }
    }

    @Test
    void usesTheLastValueBeforeTheWrapThenFailsWithSequenceNumberExhausted() {
        SequenceNumber sequence = new SequenceNumber(1L << 24);
        sequence.setForTesting(-2L); // 2^64 - 2
        assertThat(Long.toUnsignedString(sequence.current())).isEqualTo("18446744073709551614");
        sequence.advance();
        assertThat(Long.toUnsignedString(sequence.current())).isEqualTo("18446744073709551615");
        sequence.advance();
        assertThatThrownBy(sequence::current)
                .isInstanceOf(TlsException.class)
                .extracting(e -> ((TlsException) e).reason())
                .isEqualTo(Reason.SEQUENCE_NUMBER_EXHAUSTED);
        assertThatThrownBy(sequence::advance).isInstanceOf(TlsException.class);
        assertThat(sequence.shouldRekey()).isTrue();
    }

    @Test
    void asksForARekeyExactlyAtTheThreshold() {
        SequenceNumber sequence = new SequenceNumber(10);
        sequence.setForTesting(9);
        assertThat(sequence.shouldRekey()).isFalse();
        sequence.advance();
        assertThat(sequence.shouldRekey()).isTrue();
    }

    @Test
    void asksAesGcmForARekeyBelowTheRfc8446RecordLimitAndChaChaOnlyNearTheWrap() {
        double aesGcmLimit = Math.pow(2, 24.5);
        SequenceNumber aesGcm = SequenceNumber.forAead(AeadAlgorithm.AES_128_GCM);
        aesGcm.setForTesting((long) aesGcmLimit - 1);
        assertThat(aesGcm.shouldRekey()).isTrue();
        aesGcm.setForTesting((1L << 24) - 1);
        assertThat(aesGcm.shouldRekey()).isFalse();

        SequenceNumber chacha = SequenceNumber.forAead(AeadAlgorithm.CHACHA20_POLY1305);
        chacha.setForTesting((long) aesGcmLimit);
        assertThat(chacha.shouldRekey()).isFalse();
        chacha.setForTesting(Long.MAX_VALUE);
        assertThat(chacha.shouldRekey()).isTrue();
    }

    @Test
    void comparesTheThresholdAsAnUnsignedNumber() {
        SequenceNumber sequence = new SequenceNumber(1L << 62);
        sequence.setForTesting(-5L);
        assertThat(sequence.shouldRekey()).isTrue();
    }
}
