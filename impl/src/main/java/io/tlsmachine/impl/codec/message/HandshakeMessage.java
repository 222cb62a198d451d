package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.HandshakeType;

/**
 * A decoded handshake message body, of either version; {@link HandshakeCodec} frames and dispatches.
 *
 * <pre>
 * // RFC 8446 §4, RFC 5246 §7.4
 * struct { HandshakeType msg_type; uint24 length; select (Handshake.msg_type) { ... }; } Handshake;
 * </pre>
 *
 * <p>Each record holds its codec: {@link #writeBody} writes the body, and a static
 * {@code decodeBody(ByteReader, ...)} reads it. Records are immutable (byte fields are {@link
 * io.tlsmachine.impl.codec.Opaque}), so a decoded message re-encodes to the same bytes.
 */
public sealed interface HandshakeMessage
        permits ClientHello, ServerHello, HelloRetryRequest, EncryptedExtensions, Tls12Certificate,
                Tls13Certificate, Tls12CertificateRequest, Tls13CertificateRequest, CertificateVerify,
                ServerKeyExchange, ServerHelloDone, ClientKeyExchange, Finished, Tls12NewSessionTicket,
                Tls13NewSessionTicket, EndOfEarlyData, KeyUpdate, HelloRequest, MessageHash {

    /** Returns the msg_type this message is framed with. */
    HandshakeType type();

    /** Writes the body (without msg_type and length). */
    void writeBody(ByteWriter out);
}
