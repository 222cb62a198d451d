package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.HandshakeType;

/**
 * The TLS 1.3 EndOfEarlyData: the client's 0-RTT data is over (sent under the early traffic key).
 *
 * <pre>
 * // RFC 8446 §4.5: struct {} EndOfEarlyData;
 * </pre>
 */
public record EndOfEarlyData() implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.END_OF_EARLY_DATA;
    }

    @Override
    public void writeBody(ByteWriter out) {
        // empty body
    }

    /** Reads the body, which must be empty. */
    public static EndOfEarlyData decodeBody(ByteReader body) {
        body.expectEmpty("EndOfEarlyData");
        return new EndOfEarlyData();
    }
}
