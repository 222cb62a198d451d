/**
 * Byte-exact wire codecs: {@link io.tlsmachine.impl.codec.ByteReader} and
 * {@link io.tlsmachine.impl.codec.ByteWriter} for the presentation language of RFC 8446 §3, and
 * {@link io.tlsmachine.impl.codec.Opaque} for immutable byte fields.
 *
 * <p>Sub-packages: {@code types} (code point value types; unknown values are data),
 * {@code extension} (one record per extension form, dispatched by message context) and
 * {@code message} (one record per handshake message, each holding its own encoder and decoder,
 * framed by {@code HandshakeCodec}). Every decoder fails only with
 * {@link io.tlsmachine.impl.error.DecodeException}, and what it decodes re-encodes to the same bytes.
 */
package io.tlsmachine.impl.codec;
