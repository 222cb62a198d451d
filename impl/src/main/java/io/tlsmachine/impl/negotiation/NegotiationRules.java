package io.tlsmachine.impl.negotiation;

import java.util.List;

/** Lists every family of {@link NegotiationRule}s (kept apart from the interface, which the rule enums initialize). */
public final class NegotiationRules {

    /** Every family's rules, in the order the server applies the families to a ClientHello. */
    public static final List<List<? extends NegotiationRule>> FAMILIES = List.of(
            List.of(VersionNegotiation.Rule.values()),
            List.of(CompressionNegotiation.Rule.values()),
            List.of(ClientHelloExtensionsRequired.Rule.values()),
            List.of(OfferedExtensions.Rule.values()));

    private NegotiationRules() {
    }
}
