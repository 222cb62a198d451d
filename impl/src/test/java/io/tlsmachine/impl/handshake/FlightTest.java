package io.tlsmachine.impl.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.record.Tls13AeadProtection;
import org.junit.jupiter.api.Test;

class FlightTest {

    @Test
    void itemsComeOutInTheOrderTheyWereQueuedAcrossTheHeadAndTheRest() {
        Flight flight = new Flight();
        byte[] first = {1};
        byte[] second = {2, 2};
        byte[] third = {3, 3, 3};
        flight.applicationDataView(first, 0, 1);
        flight.applicationDataView(second, 0, 2);
        flight.applicationDataView(third, 0, 3);

        assertThat(((Flight.Content) flight.peek()).bytes()).isSameAs(first);
        assertThat(((Flight.Content) flight.poll()).bytes()).isSameAs(first);
        flight.applicationDataView(first, 0, 1);
        assertThat(((Flight.Content) flight.poll()).bytes()).isSameAs(second);
        assertThat(((Flight.Content) flight.poll()).bytes()).isSameAs(third);
        assertThat(((Flight.Content) flight.poll()).bytes()).isSameAs(first);
        assertThat(flight.poll()).isNull();
        assertThat(flight.peek()).isNull();
        assertThat(flight.isEmpty()).isTrue();
    }

    @Test
    void releasingAnEmptyFlightKeepsItUsable() {
        Flight flight = new Flight();
        flight.applicationData(new byte[] {1});
        flight.applicationData(new byte[] {2});
        flight.releaseIfEmpty();
        assertThat(flight.isEmpty()).isFalse();
        flight.poll();
        flight.poll();
        flight.releaseIfEmpty();
        flight.applicationData(new byte[] {4});
        flight.applicationData(new byte[] {5});
        assertThat(((Flight.Content) flight.poll()).bytes()).containsExactly(4);
        assertThat(((Flight.Content) flight.poll()).bytes()).containsExactly(5);
        assertThat(flight.isEmpty()).isTrue();
    }

    @Test
    void clearDestroysQueuedWriteKeysWhereverTheyWait() {
        Flight flight = new Flight();
        flight.applicationData(new byte[] {1});
        RecordingAead first = new RecordingAead();
        RecordingAead second = new RecordingAead();
        flight.writeKey(new Tls13AeadProtection(Epoch.APPLICATION, first, new byte[12]));
        flight.writeKey(new Tls13AeadProtection(Epoch.APPLICATION, second, new byte[12]));
        flight.clear();
        assertThat(flight.isEmpty()).isTrue();
        assertThat(first.isDestroyed()).isTrue();
        assertThat(second.isDestroyed()).isTrue();
        assertThat(flight.poll()).isNull();
    }

    /** An AEAD that only records whether it was destroyed. */
    private static final class RecordingAead implements Aead {
        private boolean destroyed;

        @Override
        public AeadAlgorithm algorithm() {
            return AeadAlgorithm.AES_128_GCM;
        }

        @Override
        public int seal(byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length, byte[] out, int outOffset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int open(byte[] nonce, byte[] aad, byte[] ciphertext, int offset, int length, byte[] out, int outOffset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void destroy() {
            destroyed = true;
        }

        @Override
        public boolean isDestroyed() {
            return destroyed;
        }
    }
}
