package io.tlsmachine.impl.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.crypto.Secret;
import org.junit.jupiter.api.Test;

/** Checks the obfuscated ticket age a client reports (RFC 8446 §4.2.11.1). */
class StoredTicketTest {

    private static StoredTicket receivedAt(long millis, long ageAdd) {
        return new StoredTicket("server.test", CipherSuite.TLS_AES_128_GCM_SHA256, Opaque.EMPTY,
                Secret.copyOf(new byte[32]), ageAdd, 7200, millis, Opaque.EMPTY);
    }

    @Test
    void reportedAgeNeverExceedsTheTrueElapsedTimeOfTwoWholeMillisecondReadings() {
        // Received at 1000.999 ms (read as 1000), used at 1005.001 ms (read as 1005): 4.002 ms really elapsed.
        assertThat(receivedAt(1000, 0).obfuscatedAge(1005)).isEqualTo(4);
    }

    @Test
    void reportedAgeIsNeverNegativeAndWrapsWithTheAgeAdd() {
        assertThat(receivedAt(1000, 0).obfuscatedAge(1000)).isZero();
        assertThat(receivedAt(1000, 0xFFFF_FFFFL).obfuscatedAge(1003)).isEqualTo(1);
    }
}
