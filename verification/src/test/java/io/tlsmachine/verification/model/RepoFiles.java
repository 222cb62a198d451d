package io.tlsmachine.verification.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds files of the repository from a test (whatever the working directory) and implements the golden-file
 * rule: with {@code -Dtlsmachine.regenerate=true} a golden file is rewritten, otherwise it is compared.
 */
final class RepoFiles {

    /** The system property that rewrites golden files instead of comparing them. */
    static final String REGENERATE = "tlsmachine.regenerate";

    private RepoFiles() {
    }

    /** Returns the repository root: the nearest directory upwards that holds {@code specs/machines}. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("specs/machines"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no specs/machines above " + Path.of("").toAbsolutePath());
    }

    /** Resolves a path relative to the repository root. */
    static Path path(String relative) {
        return root().resolve(relative);
    }

    static boolean regenerating() {
        return Boolean.getBoolean(REGENERATE);
    }

    /** Reads a file, or returns null when it does not exist. */
    static String readOrNull(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The golden-file rule for the file at {@code relative}: rewrites it with {@code generated} when regenerating, then
     * fails unless it exists and equals {@code generated} line by line ({@code source} says what it is generated from).
     */
    static void assertUpToDate(String relative, String source, String generated) {
        Path file = path(relative);
        if (regenerating()) {
            write(file, generated);
        }
        String committed = readOrNull(file);
        assertThat(committed).as("%s exists (generate it with -D%s=true)", file, REGENERATE).isNotNull();
        assertThat(committed.lines().toList())
                .as("%s drifted from %s; review and regenerate with -D%s=true", relative, source, REGENERATE)
                .containsExactlyElementsOf(generated.lines().toList());
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
