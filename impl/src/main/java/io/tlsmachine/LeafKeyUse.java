package io.tlsmachine;

/**
 * What the peer's leaf key will do in this handshake, checked against its key usage extension
 * when present (RFC 5280 §4.2.1.3).
 */
public enum LeafKeyUse {
    /**
     * Signing: every TLS 1.3 CertificateVerify, and TLS 1.2 (EC)DHE ServerKeyExchange and client
     * CertificateVerify (RFC 5246 §7.4.2, RFC 4492 §5.3: digitalSignature).
     */
    DIGITAL_SIGNATURE,
    /** TLS 1.2 RSA key transport: the client encrypts the premaster secret to it (RFC 5246 §7.4.2: keyEncipherment). */
    KEY_ENCIPHERMENT;

    /** Returns the index of this use's bit in {@link java.security.cert.X509Certificate#getKeyUsage()}. */
    int keyUsageBit() {
        return switch (this) {
            case DIGITAL_SIGNATURE -> 0;
            case KEY_ENCIPHERMENT -> 2;
        };
    }
}
