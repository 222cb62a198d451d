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
     * Runs stateful {@code work} once and fails if this thread allocated more than {@code maxBytes}: for an engine,
     * which cannot be run twice from the same state, with a bound generous enough for one-time class loading.
     */
    public static void withinAllocationOnce(String what, long maxBytes, Runnable work) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        work.run();
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        if (allocated > maxBytes) {
            throw new AssertionError(what + " allocated " + allocated + " bytes, more than the bound " + maxBytes);
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
