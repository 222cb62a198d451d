package io.tlsmachine.impl.negotiation;

import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.util.Optional;

/**
 * One named, cited negotiation rule: the RFC sentence it implements, the failure it raises (none for a rule that
 * selects or ignores) and the test that covers it. Each rule family (a class of this package) declares its rules as
 * an enum implementing this, and raises its failures through {@link #failure}; {@code specs/negotiation-rules.md}
 * is generated from {@link NegotiationRules#FAMILIES}.
 */
public interface NegotiationRule {

    /** Returns the rule's name (the enum constant). */
    String name();

    /** Returns the class that implements the rule's family. */
    Class<?> family();

    /** Returns what the rule states: RFC, sentence, failure and test. */
    RuleText text();

    /** Returns the RFC section(s) the rule implements. */
    default String rfc() {
        return text().rfc();
    }

    /** Returns the RFC sentence the rule implements. */
    default String sentence() {
        return text().sentence();
    }

    /** Returns the failure reason the rule raises, or empty when it selects or ignores instead. */
    default Optional<Reason> reason() {
        return Optional.ofNullable(text().reason());
    }

    /** Returns the test covering the rule, as {@code Class#method} (a class of impl's engine tests). */
    default String test() {
        return text().test();
    }

    /** Returns the fatal failure this rule raises, naming the rule and its RFC after {@code detail}. */
    default TlsException failure(String detail) {
        return TlsException.fatal(reason().orElseThrow(() -> new IllegalStateException(name() + " raises nothing")),
                detail + " (" + name() + ", " + rfc() + ")");
    }
}
