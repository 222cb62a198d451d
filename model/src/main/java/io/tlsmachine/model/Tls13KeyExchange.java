package io.tlsmachine.model;

/** Names the TLS 1.3 key exchange mode (RFC 8446 §2, §4.2.9). */
public enum Tls13KeyExchange {
    /** Full handshake: (EC)DHE with certificate authentication. */
    ECDHE,
    /** PSK resumption with (EC)DHE (psk_dhe_ke). */
    PSK_DHE,
    /** PSK resumption without (EC)DHE (psk_ke). */
    PSK_ONLY;

    /** Tells whether the server accepted a pre-shared key. */
    public boolean usesPsk() {
        return this != ECDHE;
    }
}
