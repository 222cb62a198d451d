package io.tlsmachine.impl.handshake;

import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.codec.message.KeyExchangeKind;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Tls12KeyExchange;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Describes what a cipher suite we implement fixes: its version, record AEAD, hash (HKDF or PRF) and, for
 * TLS 1.2, whether the server authenticates with ECDSA (else RSA).
 */
public record SuiteParameters(CipherSuite suite, ProtocolVersion version, AeadAlgorithm aead, HashAlgorithm hash,
        boolean ecdsaAuthentication) {

    /** Returns the parameters of a suite we implement (RFC 8446 §B.4, RFC 5289, RFC 5288, RFC 7905), or empty. */
    /** The parameters of each suite we know, made once: connections share them rather than holding their own. */
    private static final Map<Integer, SuiteParameters> KNOWN = known();

    public static Optional<SuiteParameters> of(CipherSuite suite) {
        return Optional.ofNullable(KNOWN.get(suite.code()));
    }

    private static Map<Integer, SuiteParameters> known() {
        Map<Integer, SuiteParameters> known = new HashMap<>();
        for (int code : new int[] {0x1301, 0x1302, 0x1303, 0xC02B, 0xC02C, 0xC02F, 0xC030, 0xCCA8, 0xCCA9, 0x009E, 0x009C,
                0x009F, 0x009D, 0xCCAA}) {
            known.put(code, make(new CipherSuite(code)));
        }
        return Map.copyOf(known);
    }

    private static SuiteParameters make(CipherSuite suite) {
        return switch (suite.code()) {
            case 0x1301 -> tls13(suite, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256);
            case 0x1302 -> tls13(suite, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384);
            case 0x1303 -> tls13(suite, AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256);
            case 0xC02B -> tls12(suite, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256, true);
            case 0xC02C -> tls12(suite, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384, true);
            case 0xC02F -> tls12(suite, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256, false);
            case 0xC030 -> tls12(suite, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384, false);
            case 0xCCA8 -> tls12(suite, AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256, false);
            case 0xCCA9 -> tls12(suite, AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256, true);
            // RFC 5288 §3 (DHE_RSA, RSA with AES-GCM), RFC 7905 §2 (DHE_RSA with ChaCha20-Poly1305).
            case 0x009E, 0x009C -> tls12(suite, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256, false);
            case 0x009F, 0x009D -> tls12(suite, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384, false);
            case 0xCCAA -> tls12(suite, AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256, false);
            default -> throw new IllegalArgumentException("no parameters for " + suite);
        };
    }

    private static SuiteParameters tls13(CipherSuite suite, AeadAlgorithm aead, HashAlgorithm hash) {
        return new SuiteParameters(suite, ProtocolVersion.TLS13, aead, hash, false);
    }

    private static SuiteParameters tls12(CipherSuite suite, AeadAlgorithm aead, HashAlgorithm hash, boolean ecdsa) {
        return new SuiteParameters(suite, ProtocolVersion.TLS12, aead, hash, ecdsa);
    }

    /**
     * Returns the TLS 1.2 key exchange this suite negotiates (RFC 5246 §7.4.3, RFC 8422 §2); it decides the shape of
     * ServerKeyExchange and ClientKeyExchange, and whether ServerKeyExchange is sent at all.
     */
    public KeyExchangeKind keyExchange() {
        return KeyExchangeKind.of(suite).orElseThrow(() -> new IllegalStateException(suite + " has no TLS 1.2 key exchange"));
    }

    /** Returns the model's fact for this suite's TLS 1.2 key exchange (the model decides what it makes optional). */
    public Tls12KeyExchange tls12KeyExchange() {
        return switch (keyExchange()) {
            case ECDHE -> Tls12KeyExchange.ECDHE;
            case DHE -> Tls12KeyExchange.DHE;
            case RSA -> Tls12KeyExchange.RSA;
        };
    }

    /** Tells whether {@code suite} is one we implement for {@code version}. */
    public static boolean implementedFor(CipherSuite suite, ProtocolVersion version) {
        return of(suite).map(p -> p.version() == version).orElse(false);
    }
}
