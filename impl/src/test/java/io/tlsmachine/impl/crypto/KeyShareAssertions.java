package io.tlsmachine.impl.crypto;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;

/** Asserts that a key share is refused with INVALID_KEY_SHARE. */
final class KeyShareAssertions {
    private KeyShareAssertions() {}

    static void assertInvalidKeyShare(Runnable agreement) {
        assertThatThrownBy(agreement::run).isInstanceOf(TlsException.class)
                .extracting(e -> ((TlsException) e).reason()).isEqualTo(Reason.INVALID_KEY_SHARE);
    }
}
