package io.tlsmachine;

import io.tlsmachine.impl.crypto.KemLayout;

/** A key exchange group we implement, with its NamedGroup code point (RFC 8446 §4.2.7). */
public enum KeyExchangeGroup {
    /** RFC 7748; 32-byte u-coordinates. */
    X25519(0x001D),
    /** RFC 7748; 56-byte u-coordinates. */
    X448(0x001E),
    /** Uncompressed points, RFC 8446 §4.2.8.2. */
    SECP256R1(0x0017),
    /** Uncompressed points, RFC 8446 §4.2.8.2; 48-byte coordinates. */
    SECP384R1(0x0018),
    /** RFC 8446 §4.2.7, RFC 8422 §5.1.1: secp521r1, 66-byte coordinates. */
    SECP521R1(0x0019),
    /** RFC 7919 Appendix A.1. */
    FFDHE2048(0x0100),
    /** RFC 7919 Appendix A.2. */
    FFDHE3072(0x0101),
    /** draft-ietf-tls-ecdhe-mlkem: ML-KEM-768 (FIPS 203) and X25519, the ML-KEM part first (see {@link KemLayout}). */
    X25519MLKEM768(0x11EC),
    /** draft-ietf-tls-ecdhe-mlkem: secp256r1 and ML-KEM-768, the ECDH part first. */
    SECP256R1MLKEM768(0x11EB),
    /** draft-ietf-tls-ecdhe-mlkem: secp384r1 and ML-KEM-1024, the ECDH part first. */
    SECP384R1MLKEM1024(0x11ED),
    /** draft-ietf-tls-mlkem: ML-KEM-768 alone (no classical part); never in a default list. */
    MLKEM768(0x0201),
    /** draft-ietf-tls-mlkem: ML-KEM-1024 alone; never in a default list. */
    MLKEM1024(0x0202);

    private final int code;

    KeyExchangeGroup(int code) {
        this.code = code;
    }

    /** {@return the NamedGroup code point} */
    public int code() {
        return code;
    }

    /**
     * {@return whether this group is a KEM (ML-KEM alone or a hybrid): the server's share exists only after it encapsulates}
     */
    public boolean isKem() {
        return KemLayout.of(this) != null;
    }

    /**
     * {@return the group with this code point, or null when we do not implement it}
     * @param code the NamedGroup code point
     */
    public static KeyExchangeGroup fromCode(int code) {
        for (KeyExchangeGroup group : values()) {
            if (group.code == code) {
                return group;
            }
        }
        return null;
    }
}
