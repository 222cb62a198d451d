package io.tlsmachine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Scans the model's sources: no crypto, no networking, no Bouncy Castle (DESIGN.md, "Modules and what each may know"). */
class ModelPurityTest {

    private static final List<String> FORBIDDEN = List.of(
            "javax.crypto", "java.security", "java.net", "javax.net", "org.bouncycastle", "io.tlsmachine.impl");

    @Test
    void modelSourcesImportNoCryptoNetworkingOrImpl() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> javaFiles = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(javaFiles).hasSizeGreaterThan(20);
            for (Path file : javaFiles) {
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.trim();
                    if (trimmed.startsWith("import ")) {
                        assertThat(FORBIDDEN).as("%s: %s", file, trimmed)
                                .noneMatch(p -> trimmed.matches("import (static )?" + java.util.regex.Pattern.quote(p) + "\\b.*"));
                    }
                }
            }
        }
    }
}
