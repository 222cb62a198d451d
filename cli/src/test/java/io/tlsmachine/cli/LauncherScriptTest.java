package io.tlsmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./tlsmachine} launcher in a copy of the project's layout, with stand-ins for {@code mvn} (it
 * "builds" by creating the jar) and {@code java} (it prints its arguments): when it builds and what it says, and
 * which class-data sharing archive each command gets (made when missing or stale, used when fresh). Nothing is timed.
 */
class LauncherScriptTest {
    private static final Instant SOURCES = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path root;
    private Path bin;
    private Path jar;
    private Path log;

    @BeforeEach
    void copyTheLauncherIntoAProjectLayout() throws IOException {
        Path launcher = root.resolve("tlsmachine");
        Files.copy(Path.of("../tlsmachine"), launcher);
        executable(launcher);
        for (String module : List.of("model", "impl", "testkit", "verification", "cli")) {
            Path source = Files.createDirectories(root.resolve(module + "/src/main/java")).resolve("A.java");
            Files.writeString(source, "class A {}");
            Files.setLastModifiedTime(source, FileTime.from(SOURCES));
        }
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(SOURCES));
        jar = root.resolve("cli/target/tlsmachine.jar");
        log = root.resolve("calls.log");
        bin = Files.createDirectories(root.resolve("bin"));
        script(bin.resolve("mvn"), "echo \"mvn $*\" >> '" + log + "'\nmkdir -p cli/target && touch cli/target/tlsmachine.jar");
        script(bin.resolve("java"), "echo \"java $*\" >> '" + log + "'");
        Files.setLastModifiedTime(bin.resolve("java"), FileTime.from(SOURCES));
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n", StandardCharsets.UTF_8);
        executable(file);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the launcher with {@code args}, which must succeed; returns its standard error (the calls: {@link #log}). */
    private String launch(String... args) throws Exception {
        return launchExpecting(0, args);
    }

    private String launchExpecting(int status, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("tlsmachine").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().remove("TLSMACHINE_NO_CDS");
        builder.environment().remove("TLSMACHINE_JAVA_OPTS");
        builder.redirectErrorStream(false).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isEqualTo(status);
        return err;
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private Path archive(String command) {
        return root.resolve("cli/target/tlsmachine-" + command + ".jsa");
    }

    private void touch(Path file, Instant when) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.createFile(file);
        }
        Files.setLastModifiedTime(file, FileTime.from(when));
    }

    @Test
    void theFirstRunSaysItBuildsThenBuildsOnlyTheCliAndItsModulesAndRecordsAClientArchive() throws Exception {
        String err = launch("client", "127.0.0.1:4433", "--insecure");

        assertThat(err.lines()).containsExactly("building tlsmachine (first run, about 60 s)…");
        assertThat(calls()).hasSize(2);
        assertThat(calls().get(0)).startsWith("mvn ").contains("-pl cli -am", "-DskipTests", "-Dtlsm.skipTestCompile=true", "package");
        assertThat(calls().get(1)).startsWith("java ")
                .contains("-XX:ArchiveClassesAtExit=" + archive("client"), "-XX:TieredStopAtLevel=1")
                .endsWith("-jar " + jar + " client 127.0.0.1:4433 --insecure");
        assertThat(root.resolve("cli/target/.tlsmachine-build-seconds")).exists();
    }

    @Test
    void aFailedBuildShowsMavensOutputAndRunsNothing() throws Exception {
        script(bin.resolve("mvn"), "echo 'COMPILATION ERROR: A.java' \nexit 1");

        String err = launchExpecting(1, "client", "127.0.0.1:4433");

        assertThat(err.lines().findFirst()).hasValue("building tlsmachine (first run, about 60 s)…");
        assertThat(err).contains("COMPILATION ERROR: A.java", "tlsmachine: the build failed");
        assertThat(calls()).isEmpty();
    }

    @Test
    void aWarmRunWithAFreshArchiveUsesItAndDoesNotBuild() throws Exception {
        touch(jar, SOURCES.plusSeconds(60));
        touch(archive("client"), SOURCES.plusSeconds(120));

        String err = launch("client", "127.0.0.1:4433");

        assertThat(err).isEmpty();
        assertThat(calls()).singleElement().asString().startsWith("java ")
                .contains("-XX:SharedArchiveFile=" + archive("client")).doesNotContain("ArchiveClassesAtExit");
    }

    @Test
    void eachCommandHasItsOwnArchiveAndOnlyTheClientRunsOnTheQuickCompiler() throws Exception {
        touch(jar, SOURCES.plusSeconds(60));
        touch(archive("client"), SOURCES.plusSeconds(120));

        launch("demo");

        assertThat(calls()).singleElement().asString()
                .contains("-XX:ArchiveClassesAtExit=" + archive("demo")).doesNotContain("TieredStopAtLevel");
    }

    @Test
    void anArchiveOlderThanTheJarIsMadeAgain() throws Exception {
        touch(archive("client"), SOURCES.plusSeconds(60));
        touch(jar, SOURCES.plusSeconds(120));

        launch("client", "127.0.0.1:4433");

        assertThat(calls()).singleElement().asString().contains("-XX:ArchiveClassesAtExit=" + archive("client"));
    }

    @Test
    void anArchiveOlderThanTheJavaThatRunsItIsMadeAgain() throws Exception {
        touch(jar, SOURCES.plusSeconds(60));
        touch(archive("client"), SOURCES.plusSeconds(120));
        touch(bin.resolve("java"), SOURCES.plusSeconds(180));

        launch("client", "127.0.0.1:4433");

        assertThat(calls()).singleElement().asString().contains("-XX:ArchiveClassesAtExit=" + archive("client"));
    }

    @Test
    void aChangedSourceRebuildsWithTheLastBuildsDurationAndDropsEveryArchive() throws Exception {
        touch(jar, SOURCES.plusSeconds(60));
        touch(archive("client"), SOURCES.plusSeconds(120));
        touch(archive("demo"), SOURCES.plusSeconds(120));
        Files.writeString(root.resolve("cli/target/.tlsmachine-build-seconds"), "42\n");
        touch(root.resolve("impl/src/main/java/A.java"), SOURCES.plusSeconds(90));

        String err = launch("client", "127.0.0.1:4433");

        assertThat(err.lines()).containsExactly("building tlsmachine (sources changed, about 42 s)…");
        assertThat(calls()).hasSize(2);
        assertThat(calls().get(1)).contains("-XX:ArchiveClassesAtExit=" + archive("client"));
        assertThat(archive("demo")).doesNotExist();
    }
}
