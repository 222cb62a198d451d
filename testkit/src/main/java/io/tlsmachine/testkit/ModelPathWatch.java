package io.tlsmachine.impl.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verification hook: once {@link #install()}ed, puts a {@link ModelPathMonitor} on every engine constructed in this
 * JVM and collects their violations, which a test harness takes with {@link #drainViolations()} after each test.
 */
public final class ModelPathWatch {

    private static final Queue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();
    private static final AtomicLong ENGINES = new AtomicLong();
    private static final AtomicLong TRANSITIONS = new AtomicLong();
    private static final VerificationHooks.ListenerFactory FACTORY = (role, definition) -> {
        ModelPathMonitor monitor = new ModelPathMonitor(definition, role + " engine #" + ENGINES.incrementAndGet(),
                VIOLATIONS::add);
        return taken -> {
            TRANSITIONS.incrementAndGet();
            monitor.onTransition(taken);
        };
    };

    private ModelPathWatch() {
    }

    /** Watches every engine constructed from now on (idempotent). */
    public static void install() {
        VerificationHooks.install(FACTORY);
    }

    /** Returns and forgets the violations reported since the last call. */
    public static List<String> drainViolations() {
        List<String> drained = new ArrayList<>();
        String v;
        while ((v = VIOLATIONS.poll()) != null) {
            drained.add(v);
        }
        return drained;
    }

    /** Returns how many engines have been watched in this JVM. */
    public static long watchedEngines() {
        return ENGINES.get();
    }

    /** Returns how many transitions have been checked in this JVM. */
    public static long checkedTransitions() {
        return TRANSITIONS.get();
    }
}
