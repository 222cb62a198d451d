package io.tlsmachine.verification.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tlsmachine.model.CompiledMachine;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.StrictMachine;
import io.tlsmachine.model.UnexpectedMessage;
import org.junit.jupiter.api.Test;

/**
 * Enforces the module boundaries of DESIGN.md with ArchUnit: the model knows no crypto and no networking, and
 * crypto libraries are used only inside {@code io.tlsmachine.impl.crypto}.
 */
class ArchitectureTest {

    /**
     * Main code only. ArchUnit's predefined DO_NOT_INCLUDE_TESTS knows {@code target/test-classes}; builds may use
     * another output folder ({@code -Dtlsm.build=target-x}), so any {@code test-classes} folder is left out.
     */
    private static final ImportOption MAIN_CODE_ONLY = location -> !location.contains("/test-classes/");

    /** Certificate generation (bcpkix): the one package outside {@code impl.crypto} that may import Bouncy Castle. */
    private static final String CERTIFICATE_ISSUING = "io.tlsmachine.impl.certificate.issuing";

    /** The testkit is test support: on this class path as a jar, but no product code. */
    private static final ImportOption NOT_TESTKIT = location -> !location.contains("/io/tlsmachine/testkit/");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(MAIN_CODE_ONLY)
            .withImportOption(NOT_TESTKIT)
            .importPackages("io.tlsmachine");

    @Test
    void importsTheMainCodeOfEveryModuleAndNoTests() {
        assertThat(PRODUCTION.contain("io.tlsmachine.model.client.ClientMachine")).isTrue();
        assertThat(PRODUCTION.contain("io.tlsmachine.impl.crypto.bc.BouncyCastleCryptoProvider")).isTrue();
        assertThat(PRODUCTION.contain("io.tlsmachine.impl.engine.TlsEngine")).isTrue();
        assertThat(PRODUCTION.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void modelImportsNoCryptoAndNoNetworking() {
        noClasses().that().resideInAPackage("io.tlsmachine.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.crypto..", "java.security..", "java.net..",
                        "javax.net..", "org.bouncycastle..")
                .because("the model is pure: states, inputs, guards and outputs only (DESIGN.md)")
                .check(PRODUCTION);
    }

    @Test
    void unexpectedMessageIsRaisedOnlyByTheTableLookupAndTheStrictMachine() {
        noClasses().that().doNotHaveFullyQualifiedName(CompiledMachine.class.getName())
                .and().doNotHaveFullyQualifiedName(StrictMachine.class.getName())
                .should().callConstructor(UnexpectedMessage.class, ModelState.class, Input.class, Epoch.class)
                .because("every undeclared (state, input, epoch) becomes unexpected_message in one place (DESIGN.md)")
                .check(PRODUCTION);
    }

    @Test
    void cryptoLibrariesAreUsedOnlyInTheCryptoPackage() {
        noClasses().that().resideOutsideOfPackages("io.tlsmachine.impl.crypto..", CERTIFICATE_ISSUING)
                .should().dependOnClassesThat().resideInAnyPackage("javax.crypto..", "org.bouncycastle..")
                .because("crypto imports live only under io.tlsmachine.impl.crypto (DESIGN.md), and Bouncy Castle's"
                        + " certificate builder (bcpkix) in io.tlsmachine.impl.certificate.issuing")
                .check(PRODUCTION);
    }
}
