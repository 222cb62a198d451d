package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.codec.types.HandshakeType;
import java.util.Arrays;
import java.util.Objects;

/**
 * One complete handshake message as it was received: its exact bytes (header and body, for the
 * codecs and the transcript), its type and the epoch it arrived under.
 *
 * <pre>
 * // RFC 8446 §4, RFC 5246 §7.4
 * struct {
 *     HandshakeType msg_type;
 *     uint24 length;
 *     select (Handshake.msg_type) { ... };
 * } Handshake;
 * </pre>
 */
public record ReceivedHandshakeMessage(HandshakeType type, byte[] encoded, Epoch epoch) {
    /** msg_type(1) || length(3). */
    public static final int HEADER_LENGTH = 4;

    public ReceivedHandshakeMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(encoded, "encoded");
        Objects.requireNonNull(epoch, "epoch");
        if (encoded.length < HEADER_LENGTH || (encoded[0] & 0xFF) != type.code()) {
            throw new IllegalArgumentException("encoded bytes do not start with a " + type + " header");
        }
    }

    /** Returns a copy of the body (the bytes after the 4-byte header). */
    public byte[] body() {
        return Arrays.copyOfRange(encoded, HEADER_LENGTH, encoded.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceivedHandshakeMessage that
                && type.equals(that.type)
                && epoch == that.epoch
                && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, epoch, Arrays.hashCode(encoded));
    }

    @Override
    public String toString() {
        return "ReceivedHandshakeMessage[" + type + ", " + epoch + ", " + encoded.length + " bytes]";
    }
}
