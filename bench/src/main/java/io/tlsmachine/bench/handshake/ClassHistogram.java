package io.tlsmachine.bench.handshake;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/** Reads the JVM's live class histogram ({@code jcmd GC.class_histogram}) and prints what grew between two of them. */
final class ClassHistogram {

    private ClassHistogram() {
    }

    /** Returns instances and bytes per class name of the live heap (the JVM collects first). */
    static Map<String, long[]> live() {
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("the JVM has no class histogram command", e);
        }
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[0].endsWith(":")) {
                classes.put(columns[3], new long[] {Long.parseLong(columns[1]), Long.parseLong(columns[2])});
            }
        }
        return classes;
    }

    /** Prints each class that grew by at least 8 bytes per pair: bytes per pair, instances per pair, class. */
    static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int pairs) {
        after.entrySet().stream()
                .map(e -> {
                    long[] was = before.getOrDefault(e.getKey(), new long[2]);
                    return Map.entry(e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
                })
                .filter(e -> e.getValue()[1] >= 8L * pairs)
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1]))
                .forEach(e -> System.out.printf("  %6d B %6.2f  %s%n", e.getValue()[1] / pairs,
                        e.getValue()[0] / (double) pairs, e.getKey()));
    }
}
