package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.HandshakeType;

/**
 * The Finished message of either version: verify_data, whose length the negotiation fixes.
 *
 * <pre>
 * // RFC 8446 §4.4.4: struct { opaque verify_data[Hash.length]; } Finished;
 * // RFC 5246 §7.4.9: struct { opaque verify_data[verify_data_length]; } Finished;   // 12 bytes
 * </pre>
 *
 * <p>verify_data is a MAC: compare it with {@link Opaque#constantTimeEquals}; {@link #toString()}
 * does not print it.
 */
public record Finished(Opaque verifyData) implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.FINISHED;
    }

    @Override
    public void writeBody(ByteWriter out) {
        out.bytes(verifyData);
    }

    /** Reads the body, which must be exactly {@code verifyDataLength} bytes. */
    public static Finished decodeBody(ByteReader body, int verifyDataLength) {
        return new Finished(body.exactly("Finished.verify_data", verifyDataLength));
    }

    @Override
    public String toString() {
        return "Finished[" + verifyData.length() + " bytes]";
    }
}
