package io.tlsmachine.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The command line's main code (the rules of the other modules live in verification's ArchitectureTest). */
class CliArchitectureTest {

    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tlsmachine.cli");

    @Test
    void importsTheCommandLineAndNoTests() {
        assertThat(CLI.contain(TlsMachineCli.class)).isTrue();
        assertThat(CLI.contain(CliArchitectureTest.class)).isFalse();
    }

    @Test
    void theCommandLineNeverUsesTheTestkit() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.tlsmachine.testkit..")
                .because("the demo and the server's self-signed certificate use the product's CertificateIssuer")
                .check(CLI);
    }

    @Test
    void theCommandLineUsesNoCryptoLibraryDirectly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javax.crypto..", "org.bouncycastle..")
                .because("crypto imports live only under io.tlsmachine.impl.crypto (DESIGN.md)")
                .check(CLI);
    }
}
