/**
 * Negotiation rules as pure functions over decoded messages: {@link io.tlsmachine.impl.negotiation.ExtensionCheck}
 * holds an extension block to the extension table ({@link io.tlsmachine.impl.codec.extension.ExtensionRules}) for
 * either role; {@link io.tlsmachine.impl.negotiation.ReceivedExtensions} applies it to every message an engine
 * receives (the one place), {@link io.tlsmachine.impl.negotiation.OfferedExtensions} limits our responses to what
 * was offered, and {@link io.tlsmachine.impl.negotiation.OwnExtensionCheck} holds our own encoded messages to the
 * table in tests ({@link io.tlsmachine.impl.negotiation.OwnExtensionWatch} keeps, per connection, the peer's request
 * each answers). Each extension rule is an {@link io.tlsmachine.impl.negotiation.ExtensionRule} naming its RFC
 * sentence and alert. The ClientHello rules of the server are {@link io.tlsmachine.impl.negotiation.VersionNegotiation}
 * (versions, fallback), {@link io.tlsmachine.impl.negotiation.CompressionNegotiation} and
 * {@link io.tlsmachine.impl.negotiation.ClientHelloExtensionsRequired} (RFC 8446 §9.2).
 */
package io.tlsmachine.impl.negotiation;
