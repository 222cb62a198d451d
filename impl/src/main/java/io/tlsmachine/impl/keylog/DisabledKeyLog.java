package io.tlsmachine.impl.keylog;

import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.KeyLog;
import io.tlsmachine.impl.crypto.Secret;

/** The key log that records nothing (the default). */
public final class DisabledKeyLog implements KeyLog {
    public static final DisabledKeyLog INSTANCE = new DisabledKeyLog();

    private DisabledKeyLog() {}

    @Override
    public void log(KeyLogLabel label, byte[] clientRandom, Secret secret) {
        // Nothing is recorded.
    }

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public String toString() {
        return "KeyLog[disabled]";
    }
}
