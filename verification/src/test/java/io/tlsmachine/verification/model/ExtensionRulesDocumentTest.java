package io.tlsmachine.verification.model;

import io.tlsmachine.impl.codec.extension.ExtensionContext;
import io.tlsmachine.impl.codec.extension.ExtensionRules;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.impl.negotiation.ExtensionRule;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Generates specs/extension-rules.md from the code (the rules {@code ExtensionCheck} applies, and the extension
 * table) and fails when the committed file drifted; {@code -Dtlsmachine.regenerate=true} rewrites it.
 */
class ExtensionRulesDocumentTest {
    @Test
    void extensionRulesDocumentIsUpToDate() {
        RepoFiles.assertUpToDate("specs/extension-rules.md", "the code", generate());
    }

    static String generate() {
        StringBuilder md = new StringBuilder();
        md.append("# Extension rules\n\n")
                .append("Generated from `ExtensionRule` and `ExtensionRules` by `ExtensionRulesDocumentTest` ")
                .append("(regenerate with `-Dtlsmachine.regenerate=true`); do not edit by hand.\n\n")
                .append("`io.tlsmachine.impl.negotiation.ExtensionCheck` applies these rules, for both roles, to ")
                .append("each extension of a block in the order received and returns the first it breaks. ")
                .append("`OwnExtensionCheck` applies the same rules to the messages we send. The table of which ")
                .append("message may carry which extension is below; its independent transcription is ")
                .append("[extensions/extensions.tsv](extensions/extensions.tsv).\n\n")
                .append("| rule | RFC | sentence | alert | test |\n|---|---|---|---|---|\n");
        for (ExtensionRule rule : ExtensionRule.values()) {
            String alert = rule.reason().map(r -> r.alertToSend().map(AlertDescription::toString).orElse("none"))
                    .orElse("none (ignored)");
            md.append("| `").append(rule).append("` | ").append(rule.rfc()).append(" | ")
                    .append(rule.sentence().replace("|", "\\|")).append(" | ").append(alert).append(" | `")
                    .append(rule.test()).append("` |\n");
        }
        md.append("\nResponse messages (extensions need the peer's offer): ")
                .append(Arrays.stream(ExtensionContext.values()).filter(ExtensionRules::isResponse)
                        .map(ExtensionTableConformanceTest.ABBREVIATIONS::get).collect(Collectors.joining(", ")))
                .append(". A ClientHello may carry the extensions of either version.\n\n")
                .append("## Extension table\n\n| code | extension | TLS 1.3 | TLS 1.2 | unsolicited in |\n")
                .append("|---|---|---|---|---|\n");
        for (ExtensionRules.Row row : ExtensionRules.rows()) {
            md.append(String.format("| 0x%04X | %s | %s | %s | %s |%n", row.type().code(), row.type().name(),
                    ExtensionTableConformanceTest.cell(row.tls13()), ExtensionTableConformanceTest.cell(row.tls12()),
                    ExtensionTableConformanceTest.cell(row.unsolicitedIn())));
        }
        return md.toString();
    }
}
