package io.tlsmachine.verification.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Runs every numbered property of specs/properties.md over the real model and over the spec tables: each must hold. */
class SafetyPropertiesTest {

    private static final Machines REAL = Machines.real();

    static Stream<SafetyProperty> properties() {
        return SafetyProperties.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("properties")
    void holdsOnTheRealModel(SafetyProperty property) {
        List<String> violations = property.violations(REAL);
        assertThat(violations).as("%s %s", property.id(), property.statement()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("properties")
    void holdsOnTheHandWrittenSpecTables(SafetyProperty property) {
        Machines spec = SpecDefinitions.read(RepoFiles.path("specs/machines"));
        assertThat(property.violations(spec)).as("spec tables: %s %s", property.id(), property.statement()).isEmpty();
    }

    @Test
    void everyPropertyIsDocumentedInPropertiesMd() {
        String doc = RepoFiles.readOrNull(RepoFiles.path("specs/properties.md"));
        assertThat(doc).as("specs/properties.md").isNotNull();
        for (SafetyProperty p : SafetyProperties.all()) {
            assertThat(doc).as("properties.md documents %s", p.id()).contains("**" + p.id() + "**");
        }
    }
}
