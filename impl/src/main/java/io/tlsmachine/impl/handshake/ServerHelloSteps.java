package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.model.Negotiated;

/**
 * Declares the server's steps that read the ClientHello and decide on it (RFC 8446 §4.1.2-§4.1.4, RFC 5246
 * §7.4.1.2): each decision (parameters or HelloRetryRequest) is the model's next input.
 */
public interface ServerHelloSteps {

    /** RFC 8446 §4.1.2, §4.2.1: selects the version and that version's parameters, or asks for another key share. */
    Decision processClientHello(Negotiated facts, ClientHello hello, byte[] encoded);

    /** RFC 8446 §4.1.4: checks the second ClientHello against the first and the HelloRetryRequest. */
    Decision processRetriedClientHello(Negotiated facts, ClientHello hello, byte[] encoded);

    /** RFC 8446 §4.1.4: sends HelloRetryRequest. */
    Negotiated sendHelloRetryRequest(Negotiated facts);
}
