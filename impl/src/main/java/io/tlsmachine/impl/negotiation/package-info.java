/**
 * Negotiation rules as pure functions over decoded messages: {@link io.tlsmachine.impl.negotiation.ExtensionCheck}
 * holds an extension block to the extension table ({@link io.tlsmachine.impl.codec.extension.ExtensionRules}) for
 * either role, and {@link io.tlsmachine.impl.negotiation.OwnExtensionCheck} holds our own encoded messages to it
 * ({@link io.tlsmachine.impl.negotiation.OwnExtensionWatch} keeps, per connection, the peer's request each answers).
 * Each rule is an {@link io.tlsmachine.impl.negotiation.ExtensionRule} naming its RFC sentence and alert.
 */
package io.tlsmachine.impl.negotiation;
