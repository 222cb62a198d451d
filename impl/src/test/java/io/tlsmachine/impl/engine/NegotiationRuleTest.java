package io.tlsmachine.impl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.negotiation.NegotiationRule;
import io.tlsmachine.impl.negotiation.NegotiationRules;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every {@link NegotiationRule} is cited, names a test that exists, and is listed once. */
class NegotiationRuleTest {

    @Test
    void everyRuleNamesAnExistingTestOfTheEngineTests() throws ClassNotFoundException {
        for (List<? extends NegotiationRule> family : NegotiationRules.FAMILIES) {
            for (NegotiationRule rule : family) {
                String[] test = rule.test().split("#");
                Class<?> testClass = Class.forName(getClass().getPackageName() + "." + test[0]);
                assertThat(Arrays.stream(testClass.getDeclaredMethods()).map(Method::getName))
                        .as("%s's test method", rule).contains(test[1]);
                assertThat(rule.rfc()).as("%s cites an RFC", rule).startsWith("RFC ");
                assertThat(rule.sentence()).as("%s's sentence", rule).isNotBlank();
            }
        }
    }

    @Test
    void eachFamilyIsOneClassListedOnce() {
        Set<Class<?>> families = new HashSet<>();
        for (List<? extends NegotiationRule> family : NegotiationRules.FAMILIES) {
            assertThat(family).isNotEmpty();
            Class<?> owner = family.get(0).family();
            assertThat(family).allSatisfy(rule -> assertThat(rule.family()).isEqualTo(owner));
            assertThat(families.add(owner)).as("%s listed once", owner).isTrue();
        }
    }
}
