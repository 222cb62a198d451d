package io.tlsmachine.impl.negotiation;

import io.tlsmachine.Reason;

/**
 * What a {@link NegotiationRule} states: the RFC section(s), the sentence it implements, the failure it raises (null
 * for a rule that selects or ignores) and the test that covers it, as {@code Class#method}.
 */
public record RuleText(String rfc, String sentence, Reason reason, String test) {
}
