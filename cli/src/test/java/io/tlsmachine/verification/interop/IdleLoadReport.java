package io.tlsmachine.verification.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The figures of one run of {@link CliServerIdleConnectionsLoadTest} as the Markdown section {@code bench/report.py}
 * puts into {@code bench/RESULTS.md} (from {@code bench/nio-load.md}).
 *
 * @param connections idle connections held
 * @param handshakes the time the load client took to complete their handshakes
 * @param bytesPerConnection growth of the server's live heap, divided by {@code connections}
 * @param residentKilobytes growth of the server's resident set
 * @param growth the classes whose live bytes grew most
 * @param before the openssl and curl answers on the server without the idle connections
 * @param loaded the same with the idle connections held
 * @param replies replies received on the idle connections at the end
 * @param maxBytesPerConnection the target the test checks
 * @param loadAverage the machine's load average when the test began ({@link #currentLoadAverage()})
 */
record IdleLoadReport(int connections, Duration handshakes, long bytesPerConnection, long residentKilobytes,
        List<HeapHistogram.Growth> growth, Answers before, Answers loaded, int replies, long maxBytesPerConnection,
        String loadAverage) {

    /** How long {@code openssl s_client} and {@code curl -k} took from start to the page. */
    record Answers(Duration openssl, Duration curl) {
    }

    /** The line the test prints. */
    String summary() {
        return String.format("CLI server: %d idle TLS 1.3 connections (handshakes %.1f s), live heap per connection "
                + "%,d B, RSS +%,d KiB; s_client %d ms, curl %d ms (without them: %d ms, %d ms); %d replies",
                connections, handshakes.toMillis() / 1000.0, bytesPerConnection, residentKilobytes,
                loaded.openssl.toMillis(), loaded.curl.toMillis(), before.openssl.toMillis(), before.curl.toMillis(),
                replies);
    }

    /** The Markdown section. */
    String markdown(String command) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(String.format("%,d", connections)).append(" idle TLS 1.3 connections against "
                + "`./tlsmachine server --www`\n\n");
        md.append("Written by `CliServerIdleConnectionsLoadTest` (cli tests, tag `slow`) on ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, Java ")
                .append(System.getProperty("java.runtime.version")).append(", load average before `")
                .append(loadAverage).append("`; regenerate with\n`").append(command).append("`.\n\n");
        md.append("The server is the command line (`TlsMachineCli server --port 0 --www --max-connections ... "
                + "--idle-timeout 3600`, EC P-256 chain) in a JVM of its own (`-Xmx1g`); the load client is the test "
                + "JVM: one thread, one selector, a client `TlsEngine` per non-blocking channel, "
                + CliServerIdleConnectionsLoadTest.IN_FLIGHT + " handshakes in flight. Heap per idle connection: the "
                + "server's live bytes after a full GC (`jcmd <pid> GC.class_histogram`, which collects first), with "
                + "the connections held minus the same after a warm-up of " + CliServerIdleConnectionsLoadTest.WARM_UP
                + " connections (opened, answered, closed), divided by the count. It covers everything "
                + "a connection keeps on the heap: channel, selection key, engine, and the CLI's own per-connection "
                + "state (model-path recorder, request buffer); the kernel's socket buffers are not on the heap, and "
                + "the read buffer belongs to the event loop.\n\n");
        md.append("| figure | value |\n|---|---:|\n");
        md.append(String.format("| heap per idle server connection | %,d B (target ≤ 8 KB, read as %,d B: %s) |%n",
                bytesPerConnection, maxBytesPerConnection, bytesPerConnection <= maxBytesPerConnection ? "met"
                        : "**MISSED**"));
        md.append(String.format("| server resident set growth per connection (VmRSS, informative) | %,d B |%n",
                residentKilobytes * 1024 / connections));
        md.append(String.format("| handshakes of the idle connections | %.1f s (%,.0f/s) |%n",
                handshakes.toMillis() / 1000.0, connections * 1000.0 / Math.max(1, handshakes.toMillis())));
        md.append(String.format("| `openssl s_client` GET, idle connections held (without) | %,d ms (%,d ms) |%n",
                loaded.openssl.toMillis(), before.openssl.toMillis()));
        md.append(String.format("| `curl -k` GET, idle connections held (without) | %,d ms (%,d ms) |%n",
                loaded.curl.toMillis(), before.curl.toMillis()));
        md.append(String.format("| replies on the idle connections at the end | %,d of %,d |%n%n", replies,
                connections));
        md.append("Live heap growth by class (top ").append(growth.size()).append("), bytes per connection:\n\n");
        md.append("| class | bytes per connection |\n|---|---:|\n");
        for (HeapHistogram.Growth g : growth) {
            md.append(String.format("| `%s` | %,.1f |%n", g.className(), g.bytes() / (double) connections));
        }
        return md.toString();
    }

    /** The 1, 5 and 15 minute load averages now. */
    static String currentLoadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.join(" ", fields[0], fields[1], fields[2]);
        } catch (IOException e) {
            return "?";
        }
    }
}
