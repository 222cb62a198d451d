package io.tlsmachine.bench.handshake;

import io.tlsmachine.KeyExchangeGroup;
import java.util.Locale;

/**
 * The key exchange groups the handshake benchmarks compare, as each stack spells them, with the share sizes that
 * prove which one a handshake used (draft-ietf-tls-ecdhe-mlkem §4: the client's X25519MLKEM768 share is the
 * ML-KEM-768 encapsulation key, 1184 bytes, then 32 bytes of X25519; the server's the 1088-byte ciphertext, then 32).
 */
enum BenchGroup {
    /** X25519 alone (RFC 7748, RFC 8446 §4.2.8.2). */
    X25519(KeyExchangeGroup.X25519, "x25519", "X25519", 32, 32),
    /** The hybrid of ML-KEM-768 (FIPS 203) and X25519. */
    X25519MLKEM768(KeyExchangeGroup.X25519MLKEM768, "X25519MLKEM768", "X25519MLKEM768", 1216, 1120);

    /** The part of the hybrid's client share no classical group's share reaches: the ML-KEM encapsulation key. */
    static final int MLKEM768_ENCAPSULATION_KEY = 1184;
    /** The part of the hybrid's server share no classical group's share reaches: the ML-KEM ciphertext. */
    static final int MLKEM768_CIPHERTEXT = 1088;

    final KeyExchangeGroup ours;
    /** The name in {@code jdk.tls.namedGroups} and BCJSSE's {@code BCSSLParameters.setNamedGroups}. */
    final String jsseName;
    /** The name in BoringSSL's {@code SSL_CTX_set1_groups_list} (Netty's {@code OpenSslContextOption.GROUPS}). */
    final String boringSslName;
    final int clientShareBytes;
    final int serverShareBytes;

    BenchGroup(KeyExchangeGroup ours, String jsseName, String boringSslName, int clientShareBytes, int serverShareBytes) {
        this.ours = ours;
        this.jsseName = jsseName;
        this.boringSslName = boringSslName;
        this.clientShareBytes = clientShareBytes;
        this.serverShareBytes = serverShareBytes;
    }

    /** Reads a {@code group} parameter: {@code x25519} or {@code X25519MLKEM768}, in any case. */
    static BenchGroup of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    boolean hybrid() {
        return this == X25519MLKEM768;
    }
}
