package io.tlsmachine.impl.engine;

import io.tlsmachine.KeyLog;
import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.impl.keylog.KeyLogLine;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Keeps the key log lines and secrets an engine logs, in memory, for tests that need a connection's keys. */
final class CapturingKeyLog implements KeyLog {

    private final List<String> lines = new ArrayList<>();
    private final Map<KeyLogLabel, byte[]> secrets = new EnumMap<>(KeyLogLabel.class);

    @Override
    public synchronized void log(KeyLogLabel label, byte[] clientRandom, byte[] secret) {
        lines.add(KeyLogLine.format(label, clientRandom, secret));
        secrets.put(label, secret);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The last secret logged under {@code label}. */
    synchronized byte[] secret(KeyLogLabel label) {
        byte[] secret = secrets.get(label);
        if (secret == null) {
            throw new AssertionError("nothing logged as " + label + " in " + lines.size() + " lines");
        }
        return secret.clone();
    }
}
