/**
 * Handshake messages of TLS 1.2 and 1.3 (the sealed
 * {@link io.tlsmachine.impl.codec.message.HandshakeMessage}), framed and dispatched by
 * {@link io.tlsmachine.impl.codec.message.HandshakeCodec} with a
 * {@link io.tlsmachine.impl.codec.message.DecodeContext}; plus the Alert and ChangeCipherSpec record contents.
 */
package io.tlsmachine.impl.codec.message;

import io.tlsmachine.Alert;
