package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.HandshakeType;

/**
 * The TLS 1.2 ServerHelloDone: the end of the server's first flight.
 *
 * <pre>
 * // RFC 5246 §7.4.5: struct { } ServerHelloDone;
 * </pre>
 */
public record ServerHelloDone() implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO_DONE;
    }

    @Override
    public void writeBody(ByteWriter out) {
        // empty body
    }

    /** Reads the body, which must be empty. */
    public static ServerHelloDone decodeBody(ByteReader body) {
        body.expectEmpty("ServerHelloDone");
        return new ServerHelloDone();
    }
}
