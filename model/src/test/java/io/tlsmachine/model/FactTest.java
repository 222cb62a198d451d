package io.tlsmachine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactTest {

    private static Object valueOf(Negotiated facts, String component) throws ReflectiveOperationException {
        return Negotiated.class.getMethod(component).invoke(facts);
    }

    private static Object other(Fact<?> fact, Object value) {
        if (value instanceof Boolean b) {
            return !b;
        }
        Object[] constants = fact.type().getEnumConstants();
        return constants[(Arrays.asList(constants).indexOf(value) + 1) % constants.length];
    }

    @SuppressWarnings("unchecked")
    private static <T> Negotiated with(Negotiated facts, Fact<T> fact, Object value) {
        return facts.with(fact, (T) value);
    }

    @Test
    void listsNegotiatedsComponentsInOrderWithTheirTypes() {
        RecordComponent[] components = Negotiated.class.getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        List<Class<?>> types = Arrays.stream(components)
                .map(c -> c.getType() == boolean.class ? Boolean.class : c.getType()).toList();

        assertThat(Fact.all().stream().map(Fact::name).toList()).isEqualTo(names);
        assertThat(Fact.all().stream().<Class<?>>map(Fact::type).toList()).isEqualTo(types);
    }

    @Test
    void withChangesExactlyTheNamedFact() throws ReflectiveOperationException {
        Negotiated base = Negotiated.tls13();
        for (Fact<?> fact : Fact.all()) {
            Object changed = other(fact, valueOf(base, fact.name()));
            Negotiated copy = with(base, fact, changed);
            for (Fact<?> each : Fact.all()) {
                Object expected = each == fact ? changed : valueOf(base, each.name());
                assertThat(valueOf(copy, each.name())).as(fact + " changes " + each).isEqualTo(expected);
            }
        }
    }
}
