package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.types.HandshakeType;

/**
 * The TLS 1.2 ClientKeyExchange; its shape depends on the negotiated key exchange, which the
 * decoder takes from {@link DecodeContext#keyExchange()}.
 *
 * <pre>
 * // RFC 5246 §7.4.7
 * struct {
 *     select (KeyExchangeAlgorithm) {
 *         case rsa: EncryptedPreMasterSecret;
 *         case dhe_rsa: ClientDiffieHellmanPublic;
 *         case ec_diffie_hellman: ClientECDiffieHellmanPublic;   // RFC 8422 §5.7
 *     } exchange_keys;
 * } ClientKeyExchange;
 * </pre>
 */
public sealed interface ClientKeyExchange extends HandshakeMessage
        permits EcdheClientKeyExchange, DheClientKeyExchange, RsaClientKeyExchange {

    @Override
    default HandshakeType type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE;
    }

    /** Reads a body of the given key exchange. */
    static ClientKeyExchange decodeBody(ByteReader body, KeyExchangeKind keyExchange) {
        return switch (keyExchange) {
            case ECDHE -> EcdheClientKeyExchange.decodeBody(body);
            case DHE -> DheClientKeyExchange.decodeBody(body);
            case RSA -> RsaClientKeyExchange.decodeBody(body);
        };
    }
}
