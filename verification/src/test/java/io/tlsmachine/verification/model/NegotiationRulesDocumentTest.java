package io.tlsmachine.verification.model;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.impl.negotiation.NegotiationRule;
import io.tlsmachine.impl.negotiation.NegotiationRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generates specs/negotiation-rules.md from the code (every {@link NegotiationRule} of every family, which the
 * checks raise their failures through) and fails when the committed file drifted; {@code -Dtlsmachine.regenerate=true}
 * rewrites it.
 */
class NegotiationRulesDocumentTest {
    @Test
    void negotiationRulesDocumentIsUpToDate() {
        RepoFiles.assertUpToDate("specs/negotiation-rules.md", "the code", generate());
    }

    static String generate() {
        StringBuilder md = new StringBuilder();
        md.append("# Negotiation rules\n\n")
                .append("Generated from `NegotiationRules.FAMILIES` by `NegotiationRulesDocumentTest` ")
                .append("(regenerate with `-Dtlsmachine.regenerate=true`); do not edit by hand.\n\n")
                .append("Each family is one class of `io.tlsmachine.impl.negotiation`; each rule is an enum constant ")
                .append("of its `Rule`, and the check raises its failure through the rule, so every row is code that ")
                .append("runs. The alert is `Reason.alertToSend()` of the rule's reason; the test (in ")
                .append("`impl/src/test/java/io/tlsmachine/impl/engine/`) drives real engines and asserts it. The ")
                .append("extension table's rules are in [extension-rules.md](extension-rules.md), the bounds on ")
                .append("repeated records in [limits.md](limits.md).\n\n")
                .append("Not yet rules of this list (the issue's other families): signature algorithms, PSK ")
                .append("selection and binders, EMS, renegotiation indication, SNI, ALPN, record_size_limit, cookie ")
                .append("and HelloRetryRequest; their checks are still written inline in `impl.handshake`.\n");
        for (List<? extends NegotiationRule> family : NegotiationRules.FAMILIES) {
            md.append("\n## ").append(family.get(0).family().getSimpleName()).append("\n\n")
                    .append("| rule | RFC | sentence | alert | test |\n|---|---|---|---|---|\n");
            for (NegotiationRule rule : family) {
                String alert = rule.reason().map(r -> r.alertToSend().map(AlertDescription::toString).orElse("none"))
                        .orElse("none (selects or filters)");
                md.append("| `").append(rule.name()).append("` | ").append(rule.rfc()).append(" | ")
                        .append(rule.sentence().replace("|", "\\|")).append(" | ").append(alert).append(" | `")
                        .append(rule.test()).append("` |\n");
            }
        }
        return md.toString();
    }
}
