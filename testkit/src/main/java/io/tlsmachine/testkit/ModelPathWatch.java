package io.tlsmachine.testkit;

import io.tlsmachine.TransitionListenerProvider;
import io.tlsmachine.TransitionListener;
import io.tlsmachine.model.MachineDefinition;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Once {@link #install()}ed, puts a {@link ModelPathMonitor} on every engine constructed in this JVM and collects
 * their violations, which a test harness takes with {@link #drainViolations()} after each test. Engines find it as a
 * {@link TransitionListenerProvider} service (this module's {@code META-INF/services}); until a suite installs the
 * watch, such as a benchmark that only borrows the testkit's PKI, it gives engines no listener.
 */
public final class ModelPathWatch implements TransitionListenerProvider {

    private static final WatchLog LOG = new WatchLog();
    private static final AtomicLong TRANSITIONS = new AtomicLong();

    /** The service provider {@link java.util.ServiceLoader} instantiates; the watch itself is JVM-wide. */
    public ModelPathWatch() {
    }

    /** Watches every engine constructed from now on (idempotent). */
    public static void install() {
        LOG.install();
    }

    @Override
    public Optional<TransitionListener> listenerFor(MachineDefinition<?, ?> definition) {
        if (!LOG.installed()) {
            return Optional.empty();
        }
        ModelPathMonitor monitor = new ModelPathMonitor(definition, LOG.nextEngine(definition), LOG::report);
        return Optional.of(taken -> {
            TRANSITIONS.incrementAndGet();
            monitor.onTransition(taken);
        });
    }

    /** Returns and forgets the violations reported since the last call. */
    public static List<String> drainViolations() {
        return LOG.drain();
    }

    /** Returns how many engines have been watched in this JVM. */
    public static long watchedEngines() {
        return LOG.engines();
    }

    /** Returns how many transitions have been checked in this JVM. */
    public static long checkedTransitions() {
        return TRANSITIONS.get();
    }
}
