package io.tlsmachine.impl.engine;

import io.tlsmachine.impl.codec.message.DecodeContext;

/**
 * Sees every handshake message an engine receives and sends, framed as on the wire, with the context that decodes
 * it: a test hook (the testkit's own-output check), which production engines do not get.
 */
public interface HandshakeMessageListener {

    /** Called with each handshake message received, after it decoded and before its input is fired. */
    void received(byte[] encoded, DecodeContext context);

    /** Called with each handshake message we send, as it is written. */
    void sent(byte[] encoded, DecodeContext context);
}
