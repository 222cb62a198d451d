package io.tlsmachine.model;

/** Names the TLS 1.2 key exchange algorithm of the cipher suite (RFC 5246 §7.4.3, RFC 4492 §2). */
public enum Tls12KeyExchange {
    /** Ephemeral elliptic-curve Diffie-Hellman: ServerKeyExchange required. */
    ECDHE,
    /** Ephemeral finite-field Diffie-Hellman: ServerKeyExchange required. */
    DHE,
    /** RSA key transport: ServerKeyExchange forbidden. */
    RSA;

    /** Tells whether the server must send a ServerKeyExchange (RFC 5246 §7.4.3). */
    public boolean ephemeral() {
        return this != RSA;
    }
}
