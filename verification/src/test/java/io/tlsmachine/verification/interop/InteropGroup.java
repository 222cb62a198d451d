package io.tlsmachine.verification.interop;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.model.ProtocolVersion;
import java.util.Arrays;
import java.util.List;

/** Every key exchange group we implement, with its names in OpenSSL, GnuTLS and JSSE. */
enum InteropGroup {
    X25519(KeyExchangeGroup.X25519, "X25519", "GROUP-X25519", "x25519"),
    P256(KeyExchangeGroup.SECP256R1, "P-256", "GROUP-SECP256R1", "secp256r1"),
    P384(KeyExchangeGroup.SECP384R1, "P-384", "GROUP-SECP384R1", "secp384r1"),
    X448(KeyExchangeGroup.X448, "X448", "GROUP-X448", "x448"),
    FFDHE2048(KeyExchangeGroup.FFDHE2048, "ffdhe2048", "GROUP-FFDHE2048", "ffdhe2048"),
    FFDHE3072(KeyExchangeGroup.FFDHE3072, "ffdhe3072", "GROUP-FFDHE3072", "ffdhe3072");

    private final KeyExchangeGroup group;
    private final String openssl;
    private final String gnutls;
    private final String jsse;

    InteropGroup(KeyExchangeGroup group, String openssl, String gnutls, String jsse) {
        this.group = group;
        this.openssl = openssl;
        this.gnutls = gnutls;
        this.jsse = jsse;
    }

    /**
     * The groups usable with {@code version}: all of them in TLS 1.3; in TLS 1.2 only the elliptic curves, since
     * our TLS 1.2 suites are ECDHE (RFC 8422 §5.1) and the finite-field groups apply to DHE (RFC 7919).
     */
    static List<InteropGroup> of(ProtocolVersion version) {
        return Arrays.stream(values()).filter(g -> version == ProtocolVersion.TLS13 || !g.finiteField()).toList();
    }

    boolean finiteField() {
        return this == FFDHE2048 || this == FFDHE3072;
    }

    KeyExchangeGroup group() {
        return group;
    }

    String openssl() {
        return openssl;
    }

    String gnutls() {
        return gnutls;
    }

    String jsse() {
        return jsse;
    }
}
