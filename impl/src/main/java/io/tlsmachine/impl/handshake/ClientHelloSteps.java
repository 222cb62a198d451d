package io.tlsmachine.impl.handshake;

import io.tlsmachine.model.Negotiated;

/** Declares the client's steps before (and regardless of) the version: the first ClientHello, HelloRequest. */
public interface ClientHelloSteps {

    /** RFC 8446 §4.1.2, RFC 5246 §7.4.1.2: sends ClientHello (and, TLS 1.3, any 0-RTT data). */
    Negotiated sendClientHello(Negotiated facts);

    /** RFC 5246 §7.4.1.1: ignores HelloRequest while negotiating. */
    Negotiated ignoreHelloRequest(Negotiated facts);
}
