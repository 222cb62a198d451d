/**
 * Extensions: the sealed {@link io.tlsmachine.impl.codec.extension.Extension}, one record per
 * extension form, and {@link io.tlsmachine.impl.codec.extension.ExtensionCodec}, which reads a block
 * in the {@link io.tlsmachine.impl.codec.extension.ExtensionContext} of its message (RFC 8446 §4.2).
 */
package io.tlsmachine.impl.codec.extension;
