package io.tlsmachine.impl.keylog;

import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.KeyLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyLogTest {
    private static final Pattern LINE = Pattern.compile("[A-Z_0]+ [0-9a-f]{64} (?:[0-9a-f]{2})+");

    @Test
    void formatsATls12LineExactlyAsNssDoes() {
        String line = KeyLogLine.format(KeyLogLabel.CLIENT_RANDOM, counting(0x00, 32), counting(0xA0, 48));

        assertThat(line).isEqualTo("CLIENT_RANDOM "
                + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f "
                + "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
                + "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf\n");
    }

    @ParameterizedTest
    @EnumSource(value = KeyLogLabel.class, names = "CLIENT_RANDOM", mode = EnumSource.Mode.EXCLUDE)
    void formatsEveryTls13SecretOfSha256AndSha384Suites(KeyLogLabel label) {
        for (int length : new int[] {32, 48}) {
            String line = KeyLogLine.format(label, counting(0xE0, 32), counting(0x10, length));

            assertThat(line).startsWith(label.name() + " e0e1e2").endsWith("\n").hasSize(label.name().length() + 1 + 64 + 1 + 2 * length + 1);
            assertThat(LINE.matcher(line.strip()).matches()).isTrue();
        }
    }

    @Test
    void usesTheLabelsWiresharkKnows() {
        assertThat(KeyLogLabel.values()).extracting(Enum::name).contains("CLIENT_RANDOM", "CLIENT_EARLY_TRAFFIC_SECRET",
                "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0",
                "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET");
    }

    @Test
    void rejectsAClientRandomThatIsNot32Bytes() {
        assertThatThrownBy(() -> KeyLogLine.format(KeyLogLabel.EXPORTER_SECRET, new byte[31], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 32");
        assertThatThrownBy(() -> KeyLogLine.format(KeyLogLabel.EXPORTER_SECRET, new byte[33], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAMasterSecretThatIsNot48BytesAndEmptySecrets() {
        assertThatThrownBy(() -> KeyLogLine.format(KeyLogLabel.CLIENT_RANDOM, new byte[32], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("48-byte");
        assertThatThrownBy(() -> KeyLogLine.format(KeyLogLabel.SERVER_TRAFFIC_SECRET_0, new byte[32], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void createsTheFileOwnerOnlyAndAppendsOneLinePerSecret(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("keys.log");
        KeyLog log = KeyLog.toFile(file);

        log.log(KeyLogLabel.CLIENT_HANDSHAKE_TRAFFIC_SECRET, counting(0, 32), counting(1, 32));
        log.log(KeyLogLabel.SERVER_HANDSHAKE_TRAFFIC_SECRET, counting(0, 32), counting(2, 32));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(file)).containsExactly(
                KeyLogLine.format(KeyLogLabel.CLIENT_HANDSHAKE_TRAFFIC_SECRET, counting(0, 32), counting(1, 32)).strip(),
                KeyLogLine.format(KeyLogLabel.SERVER_HANDSHAKE_TRAFFIC_SECRET, counting(0, 32), counting(2, 32)).strip());
        assertThat(log.enabled()).isTrue();
        // The whole secret's hex: a four-digit prefix also turned up in JUnit's random temporary folder name.
        assertThat(log.toString()).contains("keys.log")
                .doesNotContain(HexFormat.of().formatHex(counting(1, 32)))
                .doesNotContain(HexFormat.of().formatHex(counting(2, 32)));
    }

    @Test
    void appendsToAnExistingFileKeepingItsContentAndPermissions(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("keys.log"), "# earlier session\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        KeyLog.toFile(file).log(KeyLogLabel.EXPORTER_SECRET, counting(0, 32), counting(9, 48));

        assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo("# earlier session");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void keepsLinesWholeUnderConcurrentAppendsFromManyLogs(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("keys.log");
        int threads = 8;
        int linesPerThread = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Set<String> expected = new HashSet<>();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                KeyLog log = KeyLog.toFile(file);
                byte[] random = counting(t * 32, 32);
                for (int i = 0; i < linesPerThread; i++) {
                    expected.add(KeyLogLine.format(KeyLogLabel.CLIENT_TRAFFIC_SECRET_0, random, counting(i, 48)).strip());
                }
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < linesPerThread; i++) {
                        log.log(KeyLogLabel.CLIENT_TRAFFIC_SECRET_0, random, counting(i, 48));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(threads * linesPerThread);
        assertThat(new HashSet<>(lines)).isEqualTo(expected);
    }

    @Test
    void prefersTheConfiguredFileOverTheEnvironment(@TempDir Path directory) {
        Path configured = directory.resolve("configured.log");
        Map<String, String> environment = Map.of("SSLKEYLOGFILE", directory.resolve("env.log").toString());

        KeyLog log = KeyLog.resolve(Optional.of(configured), environment);

        assertThat(log.toString()).contains("configured.log");
    }

    @Test
    void usesSslKeyLogFileFromTheEnvironmentWhenNothingIsConfigured(@TempDir Path directory) throws Exception {
        Path fromEnvironment = directory.resolve("env.log");

        KeyLog log = KeyLog.resolve(Optional.empty(), Map.of("SSLKEYLOGFILE", fromEnvironment.toString()));
        log.log(KeyLogLabel.CLIENT_RANDOM, counting(0, 32), counting(0, 48));

        assertThat(Files.readAllLines(fromEnvironment)).hasSize(1);
    }

    @Test
    void isDisabledWithoutConfigurationOrWithABlankVariable(@TempDir Path directory) throws Exception {
        KeyLog none = KeyLog.resolve(Optional.empty(), Map.of());
        KeyLog blank = KeyLog.resolve(Optional.empty(), Map.of("SSLKEYLOGFILE", "  "));

        none.log(KeyLogLabel.CLIENT_RANDOM, counting(0, 32), counting(0, 48));

        assertThat(none.enabled()).isFalse();
        assertThat(blank).isSameAs(KeyLog.disabled());
        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    private static byte[] counting(int first, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (first + i);
        }
        return out;
    }
}
