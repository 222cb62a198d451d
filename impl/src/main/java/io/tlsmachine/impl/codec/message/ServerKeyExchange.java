package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.HandshakeType;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.Reason;

/**
 * The TLS 1.2 ServerKeyExchange: ephemeral parameters signed with the server's key.
 *
 * <pre>
 * // RFC 5246 §7.4.3, RFC 8422 §5.4
 * struct {
 *     select (KeyExchangeAlgorithm) { case dhe_rsa: ServerDHParams params; case ec_diffie_hellman: ServerECDHParams params; };
 *     digitally-signed struct { opaque client_random[32]; opaque server_random[32]; params; } signed_params;
 * } ServerKeyExchange;
 * // digitally-signed = SignatureAndHashAlgorithm algorithm; opaque signature&lt;0..2^16-1&gt;;
 * </pre>
 *
 * <p>The shape depends on the negotiated key exchange ({@link DecodeContext#keyExchange()});
 * {@link #encodedParams()} gives the bytes that the signature covers after the two randoms.
 */
public sealed interface ServerKeyExchange extends HandshakeMessage
        permits EcdheServerKeyExchange, DheServerKeyExchange {

    /** Returns the SignatureAndHashAlgorithm (a SignatureScheme code point). */
    SignatureScheme algorithm();

    /** Returns the signature over client_random + server_random + params. */
    Opaque signature();

    /** Writes the params (without the signature). */
    void writeParams(ByteWriter out);

    /** Returns the encoded params, as covered by the signature. */
    default byte[] encodedParams() {
        ByteWriter out = new ByteWriter();
        writeParams(out);
        return out.toByteArray();
    }

    @Override
    default HandshakeType type() {
        return HandshakeType.SERVER_KEY_EXCHANGE;
    }

    @Override
    default void writeBody(ByteWriter out) {
        writeParams(out);
        out.u16(algorithm().code()).opaque16("ServerKeyExchange.signature", 0, 0xFFFF, signature());
    }

    /** Reads a body of the given key exchange; RSA has none (RFC 5246 §7.4.3). */
    static ServerKeyExchange decodeBody(ByteReader body, KeyExchangeKind keyExchange) {
        return switch (keyExchange) {
            case ECDHE -> EcdheServerKeyExchange.decodeBody(body);
            case DHE -> DheServerKeyExchange.decodeBody(body);
            case RSA -> throw body.failure(Reason.UNEXPECTED_MESSAGE,
                    "ServerKeyExchange with RSA key exchange");
        };
    }
}
