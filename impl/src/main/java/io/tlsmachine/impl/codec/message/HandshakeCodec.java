package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.HandshakeType;
import io.tlsmachine.impl.error.DecodeException;
import io.tlsmachine.Reason;
import java.util.OptionalInt;

/**
 * Frames handshake messages as {@code msg_type(1) length(3) body} and dispatches bodies to their records.
 *
 * <pre>
 * // RFC 8446 §4, RFC 5246 §7.4
 * struct {
 *     HandshakeType msg_type;    // handshake type
 *     uint24 length;             // remaining bytes in message
 *     select (Handshake.msg_type) { case client_hello: ClientHello; ... };
 * } Handshake;
 * </pre>
 *
 * <p>{@link #decode} takes the exact bytes of one message (as the handshake assembler cut them,
 * see {@link #messageLength}); the caller keeps those bytes for the transcript, and
 * {@link #encode} of the result gives them back. Every failure is a {@link DecodeException}.
 * Unknown and unsupported message types (e.g. hello_verify_request, certificate_status) are
 * unexpected_message, as is a message whose shape depends on a fact not yet negotiated.
 */
public final class HandshakeCodec {
    /** Bytes of msg_type and length. */
    public static final int HEADER_LENGTH = 4;

    private HandshakeCodec() {
    }

    /** Returns the framed message: msg_type, length, body. */
    public static byte[] encode(HandshakeMessage message) {
        ByteWriter out = new ByteWriter(256);
        out.u8(message.type().code());
        out.prefixed24(message::writeBody);
        return out.toByteArray();
    }

    /** Returns the body alone (e.g. for a record-size estimate); the transcript wants {@link #encode}. */
    public static byte[] encodeBody(HandshakeMessage message) {
        ByteWriter out = new ByteWriter(256);
        message.writeBody(out);
        return out.toByteArray();
    }

    /**
     * Returns the total length (header included) of the message starting at {@code offset}, or empty
     * when fewer than four bytes are available.
     */
    public static OptionalInt messageLength(byte[] buffer, int offset, int available) {
        if (available < HEADER_LENGTH) {
            return OptionalInt.empty();
        }
        int bodyLength = ((buffer[offset + 1] & 0xFF) << 16) | ((buffer[offset + 2] & 0xFF) << 8)
                | (buffer[offset + 3] & 0xFF);
        return OptionalInt.of(HEADER_LENGTH + bodyLength);
    }

    /** Decodes exactly one framed message. */
    public static HandshakeMessage decode(byte[] message, DecodeContext context) {
        ByteReader in = ByteReader.of(message);
        HandshakeType type = new HandshakeType(in.u8("Handshake.msg_type"));
        ByteReader body = in.sub24("Handshake(" + type.name() + ").length", 0, 0xFFFFFF);
        in.expectEmpty("Handshake(" + type.name() + ")");
        HandshakeMessage decoded = decodeBody(type, body, context);
        body.expectEmpty(type.name());
        return decoded;
    }

    /** Decodes a body of the given type. */
    public static HandshakeMessage decodeBody(HandshakeType type, ByteReader body, DecodeContext context) {
        return switch (type.code()) {
            case 0 -> HelloRequest.decodeBody(body);
            case 1 -> ClientHello.decodeBody(body);
            case 2 -> ServerHello.decodeBody(body);
            case 4 -> context.isTls13() ? Tls13NewSessionTicket.decodeBody(body)
                    : Tls12NewSessionTicket.decodeBody(requireVersion(body, context, type));
            case 5 -> EndOfEarlyData.decodeBody(body);
            case 8 -> EncryptedExtensions.decodeBody(body);
            case 11 -> context.isTls13() ? Tls13Certificate.decodeBody(body)
                    : Tls12Certificate.decodeBody(requireVersion(body, context, type));
            case 12 -> ServerKeyExchange.decodeBody(body, keyExchange(body, context, type));
            case 13 -> context.isTls13() ? Tls13CertificateRequest.decodeBody(body)
                    : Tls12CertificateRequest.decodeBody(requireVersion(body, context, type));
            case 14 -> ServerHelloDone.decodeBody(body);
            case 15 -> CertificateVerify.decodeBody(body);
            case 16 -> ClientKeyExchange.decodeBody(body, keyExchange(body, context, type));
            case 20 -> Finished.decodeBody(body, finishedLength(body, context, type));
            case 24 -> KeyUpdate.decodeBody(body);
            case 254 -> MessageHash.decodeBody(body, finishedLength(body, context, type));
            default -> throw body.failure(Reason.UNEXPECTED_MESSAGE, "unsupported handshake type " + type.name());
        };
    }

    private static ByteReader requireVersion(ByteReader body, DecodeContext context, HandshakeType type) {
        if (context.version().isEmpty()) {
            throw body.failure(Reason.UNEXPECTED_MESSAGE, type.name() + " before the version is negotiated");
        }
        return body;
    }

    private static KeyExchangeKind keyExchange(ByteReader body, DecodeContext context, HandshakeType type) {
        return context.keyExchange().orElseThrow(() -> body.failure(Reason.UNEXPECTED_MESSAGE,
                type.name() + " without a negotiated TLS 1.2 key exchange"));
    }

    private static int finishedLength(ByteReader body, DecodeContext context, HandshakeType type) {
        OptionalInt length = context.finishedLength();
        if (length.isEmpty()) {
            throw body.failure(Reason.UNEXPECTED_MESSAGE, type.name() + " before a hash is negotiated");
        }
        return length.getAsInt();
    }
}
