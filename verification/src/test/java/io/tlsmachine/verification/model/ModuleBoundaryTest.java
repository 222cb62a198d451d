package io.tlsmachine.verification.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the library jar's module boundary with the JDK's own tools: {@code jar --describe-module} shows it exports
 * only {@code io.tlsmachine}, and {@code jdeps -summary} shows it needs nothing at run time beyond the README's list
 * (the model and Bouncy Castle). The jars are impl's and model's as this build packaged them.
 */
class ModuleBoundaryTest {

    /** The run-time dependencies the README states, as module names. */
    private static final Set<String> STATED_DEPENDENCIES = Set.of("java.base", "io.tlsmachine.model",
            "org.bouncycastle.provider", "org.bouncycastle.pkix");
    private static final Path LIBRARY = Path.of(System.getProperty("tlsm.impl.jar", "missing-impl.jar"));
    private static final Path MODEL = Path.of(System.getProperty("tlsm.model.jar", "missing-model.jar"));

    private static String run(String tool, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ToolProvider.findFirst(tool).orElseThrow()
                .run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(status).as(tool + " " + String.join(" ", args) + "\n" + out + err).isZero();
        System.out.println("$ " + tool + " " + String.join(" ", args) + "\n" + out);
        return out.toString();
    }

    /** The module path for the library: the model jar and the jars of this class path it may name. */
    private static String modulePath() {
        List<String> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.matches(".*/(bcprov|bcpkix|bcutil)-jdk18on-[^/]*\\.jar|.*/squirrel-foundation-[^/]*\\.jar"))
                .collect(Collectors.toList());
        jars.add(MODEL.toString());
        return String.join(File.pathSeparator, jars);
    }

    private static Set<String> linesStartingWith(String text, String prefix) {
        return text.lines().map(String::strip).filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theLibraryJarIsAModuleThatExportsOnlyThePublicApi() {
        assertThat(LIBRARY).exists();
        String described = run("jar", "--describe-module", "--file", LIBRARY.toString());

        assertThat(described.lines().findFirst()).hasValueSatisfying(first -> assertThat(first).startsWith("io.tlsmachine@"));
        assertThat(linesStartingWith(described, "exports ")).containsExactly("io.tlsmachine");
        assertThat(linesStartingWith(described, "opens ")).isEmpty();
        assertThat(linesStartingWith(described, "requires ")).map(r -> r.split(" ")[0])
                .allSatisfy(module -> assertThat(STATED_DEPENDENCIES).contains(module));
    }

    @Test
    void jdepsFindsNoDependencyBeyondTheStatedList() {
        String summary = run("jdeps", "--multi-release", "17", "--module-path", modulePath(), "-summary",
                LIBRARY.toString());
        Set<String> needed = summary.lines().map(String::strip).filter(l -> l.startsWith("io.tlsmachine -> "))
                .map(l -> l.substring("io.tlsmachine -> ".length())).collect(Collectors.toCollection(TreeSet::new));

        assertThat(needed).contains("io.tlsmachine.model", "java.base");
        assertThat(needed).allSatisfy(module -> assertThat(STATED_DEPENDENCIES).contains(module));
    }

    @Test
    void jdepsCheckSuggestsExactlyTheDeclaredRequires() {
        String check = run("jdeps", "--multi-release", "17", "--module-path", modulePath() + File.pathSeparator + LIBRARY,
                "--check", "io.tlsmachine");

        assertThat(check).contains("[Suggested module descriptor for io.tlsmachine]");
        assertThat(requiresIn(check, "[Module descriptor]")).as(check)
                .isEqualTo(requiresIn(check, "[Suggested module descriptor for io.tlsmachine]"))
                .contains("requires transitive io.tlsmachine.model");
    }

    /**
     * Compiles the README's Java as a module user does: in a module of its own that {@code requires io.tlsmachine},
     * with the library jar on the module path, so a snippet that names a type of an unexported package fails here.
     * The snippets' source is impl's {@code ReadmeSnippets} (which {@code ReadmeSnippetsTest} keeps equal to the
     * README), moved into package {@code readme.user}.
     */
    @Test
    void aModuleUserCompilesTheReadmeSnippetsAgainstTheExportedApiOnly(@TempDir Path work) throws IOException {
        String snippets = Files.readString(Path.of("../impl/src/test/java/io/tlsmachine/ReadmeSnippets.java"))
                .replaceFirst("package io\\.tlsmachine;", "package readme.user;\n\nimport io.tlsmachine.*;");
        Path sources = Files.createDirectories(work.resolve("src/readme/user"));
        Files.writeString(sources.resolve("ReadmeSnippets.java"), snippets);
        Files.writeString(work.resolve("src/module-info.java"), "module readme.user { requires io.tlsmachine; }");

        run("javac", "-Xlint:all", "-Werror", "--module-path", modulePath() + File.pathSeparator + LIBRARY,
                "-d", work.resolve("out").toString(), work.resolve("src/module-info.java").toString(),
                sources.resolve("ReadmeSnippets.java").toString());

        assertThat(work.resolve("out/readme/user/ReadmeSnippets.class")).exists();
    }

    /**
     * Builds the public API's Javadoc (the exported package only, as a module user sees it) with every doclint group,
     * {@code missing} included (a comment on every public and protected member, and its {@code @param},
     * {@code @return} and {@code @throws} tags), and fails on any warning or error: missing comments, broken
     * references, bad HTML, wrong tags.
     */
    @Test
    void theApiJavadocBuildsWithoutWarnings(@TempDir Path work) {
        StringWriter out = new StringWriter();
        int status = ToolProvider.findFirst("javadoc").orElseThrow().run(new PrintWriter(out, true),
                new PrintWriter(out, true), "-quiet", "-Xdoclint:all", "-Xmaxwarns", "1000",
                "-d", work.toString(), "--module-path", modulePath(), "--source-path", "../impl/src/main/java",
                "--module", "io.tlsmachine");

        assertThat(out.toString()).as("javadoc output").doesNotContain("warning:").doesNotContain("error:");
        assertThat(status).isZero();
        assertThat(work.resolve("io.tlsmachine/io/tlsmachine/TlsEngine.html")).exists();
    }

    /** The requires lines of one section of {@code jdeps --check} output, without versions. */
    private static Set<String> requiresIn(String check, String section) {
        String rest = check.substring(check.indexOf(section) + section.length());
        Set<String> requires = new TreeSet<>();
        for (String line : rest.lines().skip(1).toList()) {
            if (!line.strip().startsWith("requires ")) {
                break;
            }
            requires.add(line.strip().replaceAll(" \\(@[^)]*\\)", "").replace(";", ""));
        }
        return requires;
    }

    @Test
    void theReadmeStatesTheSameDependencies() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(readme).contains("tlsmachine-model", "bcprov-jdk18on", "bcpkix-jdk18on");
    }
}
