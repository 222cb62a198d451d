package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.HandshakeType;

/**
 * The TLS 1.2 HelloRequest: the server asks the client to start a renegotiation.
 *
 * <pre>
 * // RFC 5246 §7.4.1.1: struct { } HelloRequest;  (never part of the transcript)
 * </pre>
 */
public record HelloRequest() implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.HELLO_REQUEST;
    }

    @Override
    public void writeBody(ByteWriter out) {
        // empty body
    }

    /** Reads the body, which must be empty. */
    public static HelloRequest decodeBody(ByteReader body) {
        body.expectEmpty("HelloRequest");
        return new HelloRequest();
    }
}
