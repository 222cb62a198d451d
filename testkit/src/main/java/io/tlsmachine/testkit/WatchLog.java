package io.tlsmachine.testkit;

import io.tlsmachine.model.MachineDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps what a JVM-wide watch of engines shares: whether a suite installed it, the violations reported since a test
 * harness last took them, and how many engines it watched (which also names each engine in its violations).
 */
final class WatchLog {

    private final AtomicBoolean installed = new AtomicBoolean();
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();
    private final AtomicLong engines = new AtomicLong();

    /** Watches every engine constructed from now on (idempotent). */
    void install() {
        installed.set(true);
    }

    boolean installed() {
        return installed.get();
    }

    /** Counts one more watched engine and returns its name in violations, e.g. {@code client engine #3}. */
    String nextEngine(MachineDefinition<?, ?> definition) {
        return definition.role() + " engine #" + engines.incrementAndGet();
    }

    /** How many engines have been watched in this JVM. */
    long engines() {
        return engines.get();
    }

    void report(String violation) {
        violations.add(violation);
    }

    /** Returns and forgets the violations reported since the last call. */
    List<String> drain() {
        List<String> drained = new ArrayList<>();
        String v;
        while ((v = violations.poll()) != null) {
            drained.add(v);
        }
        return drained;
    }
}
