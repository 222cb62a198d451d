package io.tlsmachine.impl.keylog;

import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.KeyLog;

/** The key log that records nothing (the default). */
public final class DisabledKeyLog implements KeyLog {
    public static final DisabledKeyLog INSTANCE = new DisabledKeyLog();

    private DisabledKeyLog() {}

    @Override
    public void log(KeyLogLabel label, byte[] clientRandom, byte[] secret) {
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
