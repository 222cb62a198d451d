package io.tlsmachine;

import java.util.List;

/** Lists what a {@link TlsConfig} enables unless told otherwise: everything we implement, strongest first where it matters. */
public final class TlsDefaults {

    /** RFC 8446 §4.1.1 and §9.1: the TLS 1.3 suites, in our preference order. */
    public static final List<CipherSuite> TLS13_SUITES = List.of(CipherSuite.TLS_AES_128_GCM_SHA256,
            CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
    /** RFC 5289, RFC 7905: the TLS 1.2 ECDHE AEAD suites. */
    public static final List<CipherSuite> TLS12_SUITES = List.of(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256);
    /**
     * RFC 5288, RFC 7905: the TLS 1.2 DHE_RSA and RSA key transport AEAD suites, enabled only when listed in the
     * configuration (RSA key transport has no forward secrecy; DHE costs more than ECDHE).
     */
    public static final List<CipherSuite> TLS12_OPT_IN_SUITES = List.of(
            CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384);
    /** RFC 7919 Appendix A: the finite-field groups offered and used for DHE when none is configured. */
    public static final List<KeyExchangeGroup> FFDHE_GROUPS = List.of(KeyExchangeGroup.FFDHE2048, KeyExchangeGroup.FFDHE3072);
    /**
     * The groups offered and accepted, in preference order: the post-quantum hybrid X25519MLKEM768 first
     * (draft-ietf-tls-ecdhe-mlkem; the order OpenSSL 3.5, BoringSSL and Go use), then the classical groups, each
     * NIST curve followed by its hybrid. Pure ML-KEM (draft-ietf-tls-mlkem) is never on by default. The KEM groups
     * are TLS 1.3 only: TLS 1.2 ECDHE skips them. secp521r1 comes last: OpenSSL (3.0 and 3.5) offers it by default,
     * so we do too, but it costs several times secp384r1. X448 and the FFDHE groups, which OpenSSL also lists, stay
     * opt-in: nobody prefers X448 over X25519, and an FFDHE exchange costs the server far more than ECDHE (RFC 7919
     * §4 lets the client pick a group whose exponentiation the server must then pay for).
     */
    public static final List<KeyExchangeGroup> GROUPS = List.of(KeyExchangeGroup.X25519MLKEM768, KeyExchangeGroup.X25519,
            KeyExchangeGroup.SECP256R1, KeyExchangeGroup.SECP256R1MLKEM768, KeyExchangeGroup.SECP384R1,
            KeyExchangeGroup.SECP384R1MLKEM1024, KeyExchangeGroup.SECP521R1);
    /**
     * The groups a client sends key shares for in its first ClientHello by default (as OpenSSL 3.5 does): the
     * hybrid, and X25519 for a server without it, so that neither needs a HelloRetryRequest.
     */
    public static final List<KeyExchangeGroup> KEY_SHARE_GROUPS = List.of(KeyExchangeGroup.X25519MLKEM768, KeyExchangeGroup.X25519);
    /** The schemes we offer and accept; ecdsa_secp521r1_sha512 as in OpenSSL's default list. */
    public static final List<SignatureAlgorithm> SIGNATURE_SCHEMES = List.of(
            SignatureAlgorithm.ECDSA_SECP256R1_SHA256, SignatureAlgorithm.ECDSA_SECP384R1_SHA384,
            SignatureAlgorithm.ECDSA_SECP521R1_SHA512,
            SignatureAlgorithm.RSA_PSS_RSAE_SHA256, SignatureAlgorithm.RSA_PSS_RSAE_SHA384,
            SignatureAlgorithm.RSA_PSS_RSAE_SHA512, SignatureAlgorithm.ED25519,
            SignatureAlgorithm.RSA_PKCS1_SHA256, SignatureAlgorithm.RSA_PKCS1_SHA384);
    /** Largest handshake message we accept by default (Go's maxHandshake). */
    public static final int MAX_HANDSHAKE_MESSAGE_SIZE = 1 << 16;

    private TlsDefaults() {
    }
}
