package io.tlsmachine.verification.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of another JVM from {@code jcmd <pid> GC.class_histogram}, which runs a full collection first: the
 * bytes of the objects still reachable, in all and per class; and the process's resident set from {@code /proc}.
 *
 * @param liveBytes the histogram's total bytes
 * @param bytesByClass bytes per class name (as the histogram prints it, e.g. {@code [B})
 * @param residentKilobytes the process's VmRSS right after the histogram
 */
record HeapHistogram(long liveBytes, Map<String, Long> bytesByClass, long residentKilobytes) {
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+).*$");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)\\s*$");
    private static final Pattern RESIDENT = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB$");

    /** A class whose objects grew, and by how many bytes. */
    record Growth(String className, long bytes) {
    }

    /** Takes the histogram of process {@code pid} (a JVM of the same user), failing after {@code timeout}. */
    static HeapHistogram of(long pid, Duration timeout) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        // To a file, not a pipe: the histogram is larger than a pipe's buffer, and jcmd would block on it.
        Path file = Files.createTempFile("tlsmachine-histogram-", ".txt");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("jcmd GC.class_histogram of " + pid + " took over " + timeout);
            }
            String output = Files.readString(file);
            return parse(output, residentKilobytes(pid));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Reads a histogram's text; fails when it has no total line (jcmd could not attach, or the format changed). */
    static HeapHistogram parse(String histogram, long residentKilobytes) {
        Map<String, Long> byClass = new HashMap<>();
        Long total = null;
        for (String line : histogram.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                byClass.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
            }
            Matcher totalLine = TOTAL.matcher(line);
            if (totalLine.matches()) {
                total = Long.parseLong(totalLine.group(1));
            }
        }
        if (total == null || byClass.isEmpty()) {
            throw new AssertionError("not a class histogram:\n" + histogram);
        }
        return new HeapHistogram(total, Map.copyOf(byClass), residentKilobytes);
    }

    /** The {@code limit} classes whose bytes grew most since {@code before}, largest first. */
    List<Growth> growthSince(HeapHistogram before, int limit) {
        return bytesByClass.entrySet().stream()
                .map(e -> new Growth(e.getKey(), e.getValue() - before.bytesByClass.getOrDefault(e.getKey(), 0L)))
                .sorted(Comparator.comparingLong(Growth::bytes).reversed())
                .limit(limit)
                .toList();
    }

    private static long residentKilobytes(long pid) throws IOException {
        Matcher resident = RESIDENT.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        if (!resident.find()) {
            throw new AssertionError("no VmRSS in /proc/" + pid + "/status");
        }
        return Long.parseLong(resident.group(1));
    }
}
