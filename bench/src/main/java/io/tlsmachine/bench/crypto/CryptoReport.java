package io.tlsmachine.bench.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every crypto benchmark for the jdk and bc providers and writes the Markdown table that
 * {@code CryptoProviders.fastest()} is set from.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.tlsmachine.bench.crypto.CryptoReport OUT.md
 * [warmupIterations warmupMillis iterations iterationMillis forks]}.
 */
public final class CryptoReport {
    private CryptoReport() {}

    /** One row: a primitive and the measurement of each provider. */
    record Row(String primitive, Result<?> jdk, Result<?> bc) {
        /**
         * bc wins when its median is at least {@link #MARGIN} below the JDK's; otherwise the JDK
         * stays. Medians, not means: other work on the machine only ever adds time, in bursts.
         */
        String chosen() {
            if (primitive.startsWith("keySchedule")) {
                return "(uses the hmac choice)";
            }
            if (jdk == null || bc == null) {
                return jdk == null ? "bc" : "jdk";
            }
            return median(bc) < (1 - MARGIN) * median(jdk) ? "bc" : "jdk";
        }
    }

    /** How much faster bc must be (10 %) to displace the JDK. */
    static final double MARGIN = 0.10;

    static double median(Result<?> result) {
        return result.getStatistics().getPercentile(50.0);
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "CRYPTO.md");
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long warmupMillis = args.length > 2 ? Long.parseLong(args[2]) : 400;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        long iterationMillis = args.length > 4 ? Long.parseLong(args[4]) : 400;
        int forks = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        String include = args.length > 6 ? args[6] : CryptoReport.class.getPackageName() + "\\..*Benchmark";

        Options options = new OptionsBuilder()
                .include(include)
                .param("provider", "jdk", "bc")
                .mode(org.openjdk.jmh.annotations.Mode.AverageTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.milliseconds(warmupMillis))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.milliseconds(iterationMillis))
                .forks(forks)
                .threads(1)
                .build();
        String loadBefore = loadAverage();
        Collection<RunResult> results = new Runner(options).run();
        String load = "load average " + loadBefore + " before, " + loadAverage() + " after";

        String settings = String.format("%d warmup x %d ms, %d iterations x %d ms, %d fork(s), 1 thread, avgt µs/op",
                warmups, warmupMillis, iterations, iterationMillis, forks);
        boolean partial = args.length > 6 && Files.exists(out);
        String report = partial ? ReportMerge.merge(Files.readString(out, StandardCharsets.UTF_8),
                        markdown(rows(results), settings + "; " + load, args), include, settings + "; " + load)
                : markdown(rows(results), settings + "; " + load, args);
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    static List<Row> rows(Collection<RunResult> results) {
        Map<String, Result<?>[]> byPrimitive = new LinkedHashMap<>();
        for (RunResult result : results) {
            var params = result.getParams();
            String primitive = primitive(params.getBenchmark(), params::getParam);
            Result<?>[] pair = byPrimitive.computeIfAbsent(primitive, k -> new Result<?>[2]);
            pair["jdk".equals(params.getParam("provider")) ? 0 : 1] = result.getPrimaryResult();
        }
        List<Row> rows = new ArrayList<>();
        byPrimitive.forEach((primitive, pair) -> rows.add(new Row(primitive, pair[0], pair[1])));
        rows.sort(java.util.Comparator.comparing(Row::primitive));
        return rows;
    }

    /** Names a row as CompositeCryptoProvider's builder method plus its algorithm, e.g. {@code aead AES_128_GCM}. */
    static String primitive(String benchmark, java.util.function.Function<String, String> param) {
        String simpleClass = benchmark.substring(0, benchmark.lastIndexOf('.'));
        simpleClass = simpleClass.substring(simpleClass.lastIndexOf('.') + 1);
        return switch (simpleClass) {
            case "DigestBenchmark" -> "digest " + param.apply("hash");
            case "HmacBenchmark" -> "hmac " + param.apply("hash");
            case "AeadBenchmark" -> "aead " + param.apply("algorithm");
            case "KeyExchangeBenchmark", "KemExchangeBenchmark" -> "keyExchange " + param.apply("group");
            case "SignBenchmark" -> "sign " + param.apply("scheme");
            case "VerifyBenchmark" -> "verify " + param.apply("scheme");
            case "RsaKeyTransportBenchmark" -> "rsaKeyTransport";
            case "KeyScheduleBenchmark" -> "keySchedule TLS13_" + param.apply("hash");
            default -> simpleClass;
        };
    }

    static String markdown(List<Row> rows, String settings, String[] args) {
        StringBuilder md = new StringBuilder();
        md.append("# Crypto providers: JDK vs Bouncy Castle, per primitive\n\n");
        md.append("Generated by `bench/crypto.sh` (which runs `java -cp bench/target*/benchmarks.jar ")
                .append(CryptoReport.class.getName()).append(' ').append(String.join(" ", args)).append("`).\n\n");
        md.append("- When: ").append(Instant.now()).append('\n');
        md.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, ").append(cpuModel()).append('\n');
        md.append("- JMH: ").append(settings).append('\n');
        md.append("- Workloads: digest of 1 KiB; HMAC of 64 bytes; AEAD seal+open of one 16 KiB record; "
                + "key exchange = generate + agree (KEM groups: both sides, client generate + server encapsulate + "
                + "client decapsulate; MLKEM768/MLKEM1024 compare the JCA path (jdk column, Bouncy Castle's JCA "
                + "provider, as Java 17 has no ML-KEM) with Bouncy Castle's lightweight classes); sign/verify of a CertificateVerify content (RSA 2048-bit keys); "
                + "rsaKeyTransport = decrypt one 2048-bit EncryptedPreMasterSecret; "
                + "keySchedule = one full TLS 1.3 1-RTT key schedule (all secrets, traffic keys, both Finished, "
                + "resumption master secret; informational, not a provider choice).\n");
        md.append("- Cells: median µs/op of the measurement iterations (minimum in brackets). "
                + "Rule: `bc` is chosen when its median is at least 10 % below the JDK's; otherwise the JDK stays "
                + "(fewer moving parts on the hot path).\n\n");
        md.append("| primitive | jdk (µs/op) | bc (µs/op) | jdk/bc | chosen |\n");
        md.append("|---|---:|---:|---:|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.primitive())
                    .append(" | ").append(format(row.jdk()))
                    .append(" | ").append(format(row.bc()))
                    .append(" | ").append(ratio(row))
                    .append(" | ").append(row.chosen()).append(" |\n");
        }
        return md.toString();
    }

    private static String format(Result<?> result) {
        if (result == null) {
            return "n/a";
        }
        return String.format("%.3f (%.3f)", median(result), result.getStatistics().getMin());
    }

    private static String ratio(Row row) {
        if (row.jdk() == null || row.bc() == null) {
            return "n/a";
        }
        return String.format("%.2f", median(row.jdk()) / median(row.bc()));
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine skews the numbers. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + "/" + fields[1] + "/" + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
