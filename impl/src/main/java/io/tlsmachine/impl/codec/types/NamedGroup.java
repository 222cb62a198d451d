package io.tlsmachine.impl.codec.types;

/**
 * A named group (key exchange group) code point; unknown values are kept as data.
 *
 * <pre>
 * // RFC 8446 §4.2.7, RFC 7919 §2, RFC 4492 §5.1.1 (elliptic_curves)
 * enum { secp256r1(0x0017), ..., x25519(0x001D), x448(0x001E), ffdhe2048(0x0100), ..., (0xFFFF) } NamedGroup;
 * // draft-ietf-tls-mlkem §6: MLKEM512(0x0200), MLKEM768(0x0201), MLKEM1024(0x0202)
 * // draft-ietf-tls-ecdhe-mlkem §5: SecP256r1MLKEM768(0x11EB), X25519MLKEM768(0x11EC), SecP384r1MLKEM1024(0x11ED)
 * </pre>
 */
public record NamedGroup(int code) {
    public static final NamedGroup SECP256R1 = new NamedGroup(0x0017);
    public static final NamedGroup SECP384R1 = new NamedGroup(0x0018);
    public static final NamedGroup SECP521R1 = new NamedGroup(0x0019);
    public static final NamedGroup X25519 = new NamedGroup(0x001D);
    public static final NamedGroup X448 = new NamedGroup(0x001E);
    public static final NamedGroup FFDHE2048 = new NamedGroup(0x0100);
    public static final NamedGroup FFDHE3072 = new NamedGroup(0x0101);
    public static final NamedGroup FFDHE4096 = new NamedGroup(0x0102);
    public static final NamedGroup FFDHE6144 = new NamedGroup(0x0103);
    public static final NamedGroup FFDHE8192 = new NamedGroup(0x0104);
    public static final NamedGroup MLKEM768 = new NamedGroup(0x0201);
    public static final NamedGroup MLKEM1024 = new NamedGroup(0x0202);
    public static final NamedGroup SECP256R1_MLKEM768 = new NamedGroup(0x11EB);
    public static final NamedGroup X25519_MLKEM768 = new NamedGroup(0x11EC);
    public static final NamedGroup SECP384R1_MLKEM1024 = new NamedGroup(0x11ED);

    public NamedGroup {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("NamedGroup out of range: " + code);
        }
    }

    /** Returns the RFC name of this code point, or {@code unknown(0xXXXX)}. */
    public String name() {
        return switch (code) {
            case 0x0017 -> "secp256r1";
            case 0x0018 -> "secp384r1";
            case 0x0019 -> "secp521r1";
            case 0x001D -> "x25519";
            case 0x001E -> "x448";
            case 0x0100 -> "ffdhe2048";
            case 0x0101 -> "ffdhe3072";
            case 0x0102 -> "ffdhe4096";
            case 0x0103 -> "ffdhe6144";
            case 0x0104 -> "ffdhe8192";
            case 0x0015 -> "secp224r1";
            case 0x0016 -> "secp256k1";
            case 0x0200 -> "MLKEM512";
            case 0x0201 -> "MLKEM768";
            case 0x0202 -> "MLKEM1024";
            case 0x11EB -> "SecP256r1MLKEM768";
            case 0x11EC -> "X25519MLKEM768";
            case 0x11ED -> "SecP384r1MLKEM1024";
            case 0x001A -> "brainpoolP256r1";
            case 0x001B -> "brainpoolP384r1";
            case 0x001C -> "brainpoolP512r1";
            default -> String.format("unknown(0x%04X)", code);
        };
    }

    /** Whether this is a finite-field (RFC 7919) group, range {@code 0x0100..0x01FF}. */
    public boolean isFiniteField() {
        return code >= 0x0100 && code <= 0x01FF;
    }

    @Override
    public String toString() {
        return name();
    }
}
