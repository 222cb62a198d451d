package io.tlsmachine.verification.interop;

import io.tlsmachine.CipherSuite;
import io.tlsmachine.model.ProtocolVersion;
import java.util.Arrays;
import java.util.List;

/**
 * Every cipher suite we implement, with its names in OpenSSL and GnuTLS and the certificate it needs
 * (TLS 1.2 ECDHE_ECDSA / ECDHE_RSA; TLS 1.3 suites work with either, RFC 8446 §4.1.1).
 */
enum InteropSuite {
    TLS13_AES_128_GCM(CipherSuite.TLS_AES_128_GCM_SHA256, null, "TLS_AES_128_GCM_SHA256", "AES-128-GCM", null),
    TLS13_AES_256_GCM(CipherSuite.TLS_AES_256_GCM_SHA384, null, "TLS_AES_256_GCM_SHA384", "AES-256-GCM", null),
    TLS13_CHACHA20(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, null, "TLS_CHACHA20_POLY1305_SHA256", "CHACHA20-POLY1305",
            null),
    ECDHE_ECDSA_AES_128_GCM(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, InteropPki.EC,
            "ECDHE-ECDSA-AES128-GCM-SHA256", "AES-128-GCM", "ECDHE-ECDSA"),
    ECDHE_RSA_AES_128_GCM(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, InteropPki.RSA,
            "ECDHE-RSA-AES128-GCM-SHA256", "AES-128-GCM", "ECDHE-RSA"),
    ECDHE_ECDSA_AES_256_GCM(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, InteropPki.EC,
            "ECDHE-ECDSA-AES256-GCM-SHA384", "AES-256-GCM", "ECDHE-ECDSA"),
    ECDHE_RSA_AES_256_GCM(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, InteropPki.RSA,
            "ECDHE-RSA-AES256-GCM-SHA384", "AES-256-GCM", "ECDHE-RSA"),
    ECDHE_ECDSA_CHACHA20(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, InteropPki.EC,
            "ECDHE-ECDSA-CHACHA20-POLY1305", "CHACHA20-POLY1305", "ECDHE-ECDSA"),
    ECDHE_RSA_CHACHA20(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, InteropPki.RSA,
            "ECDHE-RSA-CHACHA20-POLY1305", "CHACHA20-POLY1305", "ECDHE-RSA");

    private final CipherSuite suite;
    private final InteropPki requiredPki;
    private final String openssl;
    private final String gnutlsCipher;
    private final String gnutlsKeyExchange;

    InteropSuite(CipherSuite suite, InteropPki requiredPki, String openssl, String gnutlsCipher, String gnutlsKeyExchange) {
        this.suite = suite;
        this.requiredPki = requiredPki;
        this.openssl = openssl;
        this.gnutlsCipher = gnutlsCipher;
        this.gnutlsKeyExchange = gnutlsKeyExchange;
    }

    static List<InteropSuite> of(ProtocolVersion version) {
        return Arrays.stream(values()).filter(s -> s.version() == version).toList();
    }

    CipherSuite suite() {
        return suite;
    }

    ProtocolVersion version() {
        return suite.isTls13() ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12;
    }

    /** The certificate this suite needs; TLS 1.3 suites take {@code fallback}. */
    InteropPki pki(InteropPki fallback) {
        return requiredPki == null ? fallback : requiredPki;
    }

    /** The IANA name, as JSSE spells it. */
    String jsse() {
        return suite.name();
    }

    /** OpenSSL's {@code -ciphersuites} (TLS 1.3) or {@code -cipher} (TLS 1.2) arguments. */
    List<String> opensslArguments() {
        return version() == ProtocolVersion.TLS13 ? List.of("-ciphersuites", openssl) : List.of("-cipher", openssl);
    }

    String opensslName() {
        return openssl;
    }

    /** A GnuTLS priority string allowing only this suite's version, cipher and key exchange, and {@code groups}. */
    String gnutlsPriority(List<InteropGroup> groups) {
        String version = version() == ProtocolVersion.TLS13 ? "VERS-TLS1.3" : "VERS-TLS1.2";
        String kx = gnutlsKeyExchange == null ? "" : ":-KX-ALL:+" + gnutlsKeyExchange;
        StringBuilder priority = new StringBuilder("NORMAL:-VERS-ALL:+" + version + ":-CIPHER-ALL:+" + gnutlsCipher + kx
                + ":-GROUP-ALL");
        groups.forEach(g -> priority.append(":+").append(g.gnutls()));
        return priority.toString();
    }

    /**
     * {@code group}, and with a TLS 1.2 ECDHE_ECDSA suite also the certificate's curve (P-256) after it: peers
     * require the curve of an ECDSA certificate among the supported groups (RFC 8422 §5.1; RFC 4492 §5.1).
     */
    List<InteropGroup> groupsToOffer(InteropGroup group) {
        boolean ecdsa12 = version() == ProtocolVersion.TLS12 && requiredPki == InteropPki.EC;
        return ecdsa12 && group != InteropGroup.P256 ? List.of(group, InteropGroup.P256) : List.of(group);
    }
}
