package io.tlsmachine.impl.crypto;

/** A key exchange group we implement, with its NamedGroup code point (RFC 8446 §4.2.7). */
public enum KeyExchangeGroup {
    /** RFC 7748; 32-byte u-coordinates. */
    X25519(0x001D),
    /** RFC 7748; 56-byte u-coordinates. */
    X448(0x001E),
    /** Uncompressed points, RFC 8446 §4.2.8.2. */
    SECP256R1(0x0017),
    SECP384R1(0x0018),
    /** RFC 7919 Appendix A.1. */
    FFDHE2048(0x0100),
    /** RFC 7919 Appendix A.2. */
    FFDHE3072(0x0101);

    private final int code;

    KeyExchangeGroup(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Returns the group with this code point, or null when we do not implement it. */
    public static KeyExchangeGroup fromCode(int code) {
        for (KeyExchangeGroup group : values()) {
            if (group.code == code) {
                return group;
            }
        }
        return null;
    }
}
