package io.tlsmachine.impl.fuzz;

import io.tlsmachine.TlsException;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * The checks every fuzz target applies to each input: a failure is the project's typed {@link TlsException} with an
 * alert to send, and the work done for one input allocates a bounded number of bytes.
 */
public final class FuzzOracle {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** How many times an over-the-bound measurement of stateful work is repeated before it counts. */
    static final int RETRIES = 2;

    private FuzzOracle() {
    }

    /** Fails unless {@code failure} names an alert to send: every rejection of peer input must become one alert. */
    public static void assertTurnsIntoAnAlert(TlsException failure) {
        if (failure.reason().alertToSend().isEmpty()) {
            throw new AssertionError("a failure on peer input without an alert to send: " + failure.reason(), failure);
        }
    }

    /**
     * Runs {@code work} three times and fails if this thread allocated more than {@code maxBytes} in both of the last
     * two runs: a decoder must not allocate what a length field claims before the bytes are there. The first run loads
     * and initialises the classes the input reaches, and one-time costs may still land in a later run (the first
     * measurement in a JVM counted megabytes), so the smaller of two measurements is the input's cost. {@code work}
     * must start from fresh state each time; its outcome (value or exception) is the last run's.
     */
    public static <T> T withinAllocation(String what, long maxBytes, Supplier<T> work) {
        try {
            work.get();
        } catch (RuntimeException sameInTheMeasuredRuns) {
            // The measured runs below throw it again.
        }
        long first = allocatedBy(work);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            return work.get();
        } finally {
            // Checked on the failing path too: allocating what a length claims and then failing is the same bug.
            long allocated = Math.min(first, THREADS.getCurrentThreadAllocatedBytes() - before);
            if (Boolean.getBoolean("tlsm.fuzz.debugAllocation")) {
                System.err.println(what + ": " + allocated);
            }
            if (allocated > maxBytes) {
                throw new AssertionError(what + " allocated " + allocated + " bytes, more than the bound " + maxBytes);
            }
        }
    }

    /**
     * Runs stateful work and fails if this thread allocated more than {@code maxBytes} doing it, for an engine, which
     * cannot be run twice from the same state: {@code freshWork} builds fresh state (not measured) and returns the work to
     * measure. A measurement over the bound is repeated from fresh state, up to {@value #RETRIES} more times, and only an
     * allocation that every run repeats fails: a single measurement under the fuzzer's instrumentation counted class
     * loading, JIT deoptimisation and coverage bookkeeping as the input's cost (45 MB once for an input that costs well
     * under the bound on every replay), while a decoder that trusts a length field allocates it on every run.
     */
    public static void withinAllocationOnce(String what, long maxBytes, Supplier<Runnable> freshWork) {
        long smallest = Long.MAX_VALUE;
        for (int run = 0; run <= RETRIES && smallest > maxBytes; run++) {
            Runnable work = freshWork.get();
            long before = THREADS.getCurrentThreadAllocatedBytes();
            work.run();
            smallest = Math.min(smallest, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        if (smallest > maxBytes) {
            throw new AssertionError(what + " allocated at least " + smallest + " bytes in each of " + (RETRIES + 1)
                    + " runs, more than the bound " + maxBytes);
        }
    }

    private static long allocatedBy(Supplier<?> work) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            work.get();
        } catch (RuntimeException sameInTheLastRun) {
            // Thrown again by the last run.
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
