package io.tlsmachine.bench.handshake;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

/**
 * Measures the heap an established connection pair retains (not JMH): used heap after GC with N pairs held,
 * minus used heap after GC before, divided by N. Session caches the stack fills count: they are what it holds.
 *
 * Only the endpoints are kept, not the harness's transfer buffers.
 *
 * <p>Usage: {@code HeapPerConnection <tlsmachine|sunjsse|bcjsse> [pairs=2000] [histogram]}; prints one line
 * {@code heap <stack> <pairs> <bytesPerPair>}, and with {@code histogram} first the classes whose live instances grew,
 * in bytes and instances per pair (from the JVM's class histogram before and after). Run with
 * {@code -Djdk.tls.namedGroups=x25519,secp256r1}.
 */
public final class HeapPerConnection {

    private HeapPerConnection() {
    }

    public static void main(String[] args) {
        Stack stack = Stack.of(args[0]);
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        PairFactory factory = new PairFactory(stack, "1.3", BenchPki.hierarchy("ec"), null, false);
        // Warm up class loading and the stack's caches with pairs that are dropped again.
        for (int i = 0; i < 50; i++) {
            factory.newPair().handshake();
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        boolean histogram = args.length > 2 && args[2].equals("histogram");
        Map<String, long[]> classesBefore = histogram ? ClassHistogram.live() : Map.of();
        long before = usedAfterGc(memory);
        Object[] held = new Object[pairs];
        for (int i = 0; i < pairs; i++) {
            ConnectionPair pair = factory.newPair();
            pair.handshake();
            if (pair.transfer(new byte[] {1}) != 1) {
                throw new IllegalStateException("pair " + i + " is not established");
            }
            held[i] = pair.endpoints();
        }
        long after = usedAfterGc(memory);
        if (histogram) {
            ClassHistogram.printGrowth(classesBefore, ClassHistogram.live(), pairs);
        }
        System.out.printf("heap %s %d %d%n", stack.name().toLowerCase(java.util.Locale.ROOT), pairs,
                (after - before) / pairs);
        if (held[pairs - 1] == null) {
            throw new AssertionError("unreachable: keeps the pairs alive until after the measurement");
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
