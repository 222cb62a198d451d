package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.HandshakeType;

/**
 * The synthetic message_hash that replaces ClientHello1 in the transcript after a HelloRetryRequest.
 *
 * <pre>
 * // RFC 8446 §4.4.1
 * Transcript-Hash(ClientHello1, HelloRetryRequest, ... Mn) =
 *     Hash(message_hash ||        // Handshake type
 *          00 00 Hash.length  ||  // Handshake message length (bytes)
 *          Hash(ClientHello1) ||  // Hash of ClientHello1
 *          HelloRetryRequest  || ... || Mn)
 * </pre>
 *
 * <p>Never sent on the wire; {@link HandshakeCodec#encode} gives the bytes to feed the transcript.
 */
public record MessageHash(Opaque clientHello1Hash) implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.MESSAGE_HASH;
    }

    @Override
    public void writeBody(ByteWriter out) {
        out.bytes(clientHello1Hash);
    }

    /** Reads the body, a hash of {@code hashLength} bytes. */
    public static MessageHash decodeBody(ByteReader body, int hashLength) {
        return new MessageHash(body.exactly("message_hash.hash", hashLength));
    }
}
