package io.tlsmachine.impl.codec.message;

import io.tlsmachine.CipherSuite;
import java.util.Optional;

/**
 * The TLS 1.2 key exchange a cipher suite negotiates; it decides the shape of ServerKeyExchange and
 * ClientKeyExchange, which the messages themselves do not reveal (RFC 5246 §7.4.3, §7.4.7).
 */
public enum KeyExchangeKind {
    /** RFC 8422 §2: ephemeral elliptic-curve Diffie-Hellman (ECDHE_ECDSA and ECDHE_RSA). */
    ECDHE,
    /** RFC 5246 §7.4.3: ephemeral finite-field Diffie-Hellman (DHE_RSA). */
    DHE,
    /** RFC 5246 §7.4.7.1: RSA-encrypted premaster secret; no ServerKeyExchange. */
    RSA;

    /** Returns the key exchange of a TLS 1.2 suite we know; empty for TLS 1.3 suites, SCSVs and unknown ones. */
    public static Optional<KeyExchangeKind> of(CipherSuite suite) {
        return switch (suite.code()) {
            case 0xC02B, 0xC02C, 0xC02F, 0xC030, 0xCCA8, 0xCCA9 -> Optional.of(ECDHE);
            case 0x009E, 0x009F, 0xCCAA -> Optional.of(DHE);
            case 0x009C, 0x009D -> Optional.of(RSA);
            default -> Optional.empty();
        };
    }
}
