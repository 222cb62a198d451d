package io.tlsmachine.impl.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The committed seed corpus of a fuzz target: Jazzer's inputs directory {@code <TestClass>Inputs/<method>/} in the
 * test resources, which regression mode replays and fuzzing starts from. {@code -Dtlsm.fuzz.writeSeeds=true} rewrites it
 * from the generators (run from the module's folder, as Maven does).
 */
public final class SeedFiles {
    private SeedFiles() {
    }

    /** Writes {@code seeds} (name to bytes) into the source tree's inputs directory when the property asks for it. */
    public static void writeIfAsked(Class<?> target, String method, Map<String, byte[]> seeds) {
        if (!Boolean.getBoolean("tlsm.fuzz.writeSeeds")) {
            return;
        }
        Path directory = Paths.get("src/test/resources", target.getPackageName().replace('.', '/'),
                target.getSimpleName() + "Inputs", method);
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
                Files.write(directory.resolve(seed.getKey()), seed.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the committed seeds of {@code target}'s {@code method}, from the test class path. */
    public static Set<String> committed(Class<?> target, String method) {
        URL directory = target.getResource(target.getSimpleName() + "Inputs/" + method);
        if (directory == null) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(Paths.get(directory.toURI()))) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
