package io.tlsmachine.impl.crypto;

import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The providers every known-answer test runs against, and hex helpers for typed-in vectors. */
final class Providers {
    private Providers() {}

    /** jdk, bc and fastest; a parameter source for {@code @MethodSource}. */
    static Stream<CryptoProvider> all() {
        return Stream.of(CryptoProviders.jdk(), CryptoProviders.bouncyCastle(), CryptoProviders.fastest());
    }

    /** The two independent implementations. */
    static List<CryptoProvider> implementations() {
        return List.of(CryptoProviders.jdk(), CryptoProviders.bouncyCastle());
    }

    /** Decodes hex, ignoring whitespace (vectors are typed as in the RFCs). */
    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    /** Returns {@code length} bytes counting up from {@code first} (RFC 5869's 0x00..0x0c style). */
    static byte[] counting(int first, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (first + i);
        }
        return out;
    }

    /** Returns {@code length} copies of {@code value}. */
    static byte[] repeated(int value, int length) {
        byte[] out = new byte[length];
        java.util.Arrays.fill(out, (byte) value);
        return out;
    }

    /** Concatenates {@code parts} in order. */
    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
