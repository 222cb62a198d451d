package io.tlsmachine.impl.vectors;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a reference text (RFC, example trace) that tests parse: {@code specs/rfc/} of the repository first. */
public final class ReferenceFiles {
    private ReferenceFiles() {
    }

    /**
     * Returns {@code specs/rfc/<name>} or {@code shared/rfc/<name>} in the working directory or the nearest
     * parent that has one.
     *
     * @throws IllegalStateException when neither exists
     */
    public static Path find(String name) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            for (String folder : new String[] {"specs/rfc", "shared/rfc"}) {
                Path candidate = dir.resolve(folder).resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no specs/rfc/" + name + " or shared/rfc/" + name + " in " + start
                + " or its parents");
    }
}
