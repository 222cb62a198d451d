package io.tlsmachine.verification.interop;

import io.tlsmachine.CipherSuite;

/**
 * The opt-in TLS 1.2 suites with finite-field DHE (RFC 5288, RFC 7905; groups of RFC 7919) and RSA key transport
 * (RFC 5288), with their names in OpenSSL, GnuTLS and JSSE; all need the RSA certificate. They stay out of {@link
 * InteropSuite}, whose TLS 1.2 rows run over the elliptic curves.
 */
enum KeyExchangeSuite {
    DHE_RSA_AES_128_GCM(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, "DHE-RSA-AES128-GCM-SHA256", "AES-128-GCM", "DHE-RSA"),
    DHE_RSA_AES_256_GCM(CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, "DHE-RSA-AES256-GCM-SHA384", "AES-256-GCM", "DHE-RSA"),
    DHE_RSA_CHACHA20(CipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "DHE-RSA-CHACHA20-POLY1305", "CHACHA20-POLY1305",
            "DHE-RSA"),
    RSA_AES_128_GCM(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, "AES128-GCM-SHA256", "AES-128-GCM", "RSA"),
    RSA_AES_256_GCM(CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384, "AES256-GCM-SHA384", "AES-256-GCM", "RSA");

    private final CipherSuite suite;
    private final String openssl;
    private final String gnutlsCipher;
    private final String gnutlsKeyExchange;

    KeyExchangeSuite(CipherSuite suite, String openssl, String gnutlsCipher, String gnutlsKeyExchange) {
        this.suite = suite;
        this.openssl = openssl;
        this.gnutlsCipher = gnutlsCipher;
        this.gnutlsKeyExchange = gnutlsKeyExchange;
    }

    CipherSuite suite() {
        return suite;
    }

    boolean dhe() {
        return gnutlsKeyExchange.equals("DHE-RSA");
    }

    /** OpenSSL's {@code -cipher} name. */
    String openssl() {
        return openssl;
    }

    /** The IANA name, as JSSE spells it. */
    String jsse() {
        return suite.name();
    }

    /**
     * A GnuTLS priority string allowing TLS 1.2 with only this suite's cipher and key exchange; DHE with the RFC 7919
     * groups, and {@code extra} appended (e.g. {@code %NO_SESSION_HASH} to leave out extended master secret).
     */
    String gnutlsPriority(String extra) {
        String groups = dhe() ? ":-GROUP-ALL:+GROUP-FFDHE2048:+GROUP-FFDHE3072" : "";
        return "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:+" + gnutlsCipher + ":-KX-ALL:+" + gnutlsKeyExchange + groups + extra;
    }
}
