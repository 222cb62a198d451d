package io.tlsmachine.impl.negotiation;

import io.tlsmachine.impl.codec.extension.ExtensionContext;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.TlsException;

/**
 * The first extension of a block that breaks a rule of the extension table: which rule, which extension, where.
 *
 * @param rule the rule broken (never one that only ignores)
 * @param message the message whose block was checked
 * @param type the offending extension type
 * @param index the position of the offending extension in the block, from 0
 */
public record ExtensionViolation(ExtensionRule rule, ExtensionContext message, ExtensionType type, int index) {
    public ExtensionViolation {
        if (rule.reason().isEmpty()) {
            throw new IllegalArgumentException(rule + " ignores, it is never violated");
        }
    }

    /** Returns the fatal failure to raise: the rule's reason, naming the message and the extension. */
    public TlsException failure() {
        return TlsException.fatal(rule.reason().orElseThrow(),
                message.messageName() + "." + type.name() + " (extension " + index + "): " + rule + ", " + rule.rfc());
    }

    /** Returns the alert the failure sends. */
    public AlertDescription alert() {
        return rule.reason().orElseThrow().alertToSend().orElseThrow();
    }
}
