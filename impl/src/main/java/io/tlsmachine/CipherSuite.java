package io.tlsmachine;

/**
 * A cipher suite code point; suites we do not know are kept as data.
 *
 * <pre>
 * // RFC 8446 §4.1.2, §B.4; RFC 5246 §A.5; RFC 5288; RFC 5289; RFC 7905; RFC 5746 §3.3; RFC 7507
 * uint8 CipherSuite[2];
 * </pre>
 *
 * @param code the code point, 0 to 0xFFFF
 */
public record CipherSuite(int code) {
    /** RFC 8446 §B.4; TLS 1.3 suites name only the AEAD and the hash. */
    public static final CipherSuite TLS_AES_128_GCM_SHA256 = new CipherSuite(0x1301);
    /** The suite {@code TLS_AES_256_GCM_SHA384} (0x1302, RFC 8446 §B.4). */
    public static final CipherSuite TLS_AES_256_GCM_SHA384 = new CipherSuite(0x1302);
    /** The suite {@code TLS_CHACHA20_POLY1305_SHA256} (0x1303, RFC 8446 §B.4). */
    public static final CipherSuite TLS_CHACHA20_POLY1305_SHA256 = new CipherSuite(0x1303);
    /** The suite {@code TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256} (0xC02B, RFC 5289). */
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0xC02B);
    /** The suite {@code TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384} (0xC02C, RFC 5289). */
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0xC02C);
    /** The suite {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256} (0xC02F, RFC 5289). */
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0xC02F);
    /** The suite {@code TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384} (0xC030, RFC 5289). */
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0xC030);
    /** The suite {@code TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256} (0xCCA8, RFC 7905). */
    public static final CipherSuite TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = new CipherSuite(0xCCA8);
    /** The suite {@code TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256} (0xCCA9, RFC 7905). */
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 = new CipherSuite(0xCCA9);
    /** The suite {@code TLS_DHE_RSA_WITH_AES_128_GCM_SHA256} (0x009E, RFC 5288). */
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0x009E);
    /** The suite {@code TLS_DHE_RSA_WITH_AES_256_GCM_SHA384} (0x009F, RFC 5288). */
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0x009F);
    /** The suite {@code TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256} (0xCCAA, RFC 7905). */
    public static final CipherSuite TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = new CipherSuite(0xCCAA);
    /** The suite {@code TLS_RSA_WITH_AES_128_GCM_SHA256} (0x009C, RFC 5288). */
    public static final CipherSuite TLS_RSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0x009C);
    /** The suite {@code TLS_RSA_WITH_AES_256_GCM_SHA384} (0x009D, RFC 5288). */
    public static final CipherSuite TLS_RSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0x009D);
    /** RFC 5746 §3.3: signalling value, not a real suite. */
    public static final CipherSuite TLS_EMPTY_RENEGOTIATION_INFO_SCSV = new CipherSuite(0x00FF);
    /** RFC 7507 §2: signalling value, not a real suite. */
    public static final CipherSuite TLS_FALLBACK_SCSV = new CipherSuite(0x5600);

    /**
     * Checks that {@code code} fits in two bytes.
     *
     * @param code the code point, 0 to 0xFFFF
     */
    public CipherSuite {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("CipherSuite out of range: " + code);
        }
    }

    /** {@return the RFC name of this code point, or {@code unknown(0xXXXX)}} */
    public String name() {
        return switch (code) {
            case 0x1301 -> "TLS_AES_128_GCM_SHA256";
            case 0x1302 -> "TLS_AES_256_GCM_SHA384";
            case 0x1303 -> "TLS_CHACHA20_POLY1305_SHA256";
            case 0xC02B -> "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
            case 0xC02C -> "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
            case 0xC02F -> "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
            case 0xC030 -> "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
            case 0xCCA8 -> "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256";
            case 0xCCA9 -> "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256";
            case 0x009E -> "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256";
            case 0x009C -> "TLS_RSA_WITH_AES_128_GCM_SHA256";
            case 0x00FF -> "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";
            case 0x5600 -> "TLS_FALLBACK_SCSV";
            case 0x0000 -> "TLS_NULL_WITH_NULL_NULL";
            case 0x009D -> "TLS_RSA_WITH_AES_256_GCM_SHA384";
            case 0x009F -> "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384";
            case 0xCCAA -> "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256";
            case 0x1304 -> "TLS_AES_128_CCM_SHA256";
            case 0x1305 -> "TLS_AES_128_CCM_8_SHA256";
            default -> String.format("unknown(0x%04X)", code);
        };
    }

    /** {@return whether this is a TLS 1.3 suite (RFC 8446 §B.4: {@code 0x13XX})} */
    public boolean isTls13() {
        return (code & 0xFF00) == 0x1300;
    }

    /** {@return whether this is a signalling value (SCSV) rather than a suite that can be negotiated} */
    public boolean isSignallingValue() {
        return code == 0x00FF || code == 0x5600;
    }

    @Override
    public String toString() {
        return name();
    }
}
