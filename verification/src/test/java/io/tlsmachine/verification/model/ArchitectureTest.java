package io.tlsmachine.verification.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Enforces the module boundaries of DESIGN.md with ArchUnit: the model knows no crypto and no networking, and
 * crypto libraries are used only inside {@code io.tlsmachine.impl.crypto}.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tlsmachine");

    @Test
    void modelImportsNoCryptoAndNoNetworking() {
        noClasses().that().resideInAPackage("io.tlsmachine.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.crypto..", "java.security..", "java.net..",
                        "javax.net..", "org.bouncycastle..")
                .because("the model is pure: states, inputs, guards and outputs only (DESIGN.md)")
                .check(PRODUCTION);
    }

    @Test
    void cryptoLibrariesAreUsedOnlyInTheCryptoPackage() {
        noClasses().that().resideOutsideOfPackage("io.tlsmachine.impl.crypto..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.crypto..", "org.bouncycastle..")
                .because("crypto imports live only under io.tlsmachine.impl.crypto (DESIGN.md)")
                .check(PRODUCTION);
    }
}
