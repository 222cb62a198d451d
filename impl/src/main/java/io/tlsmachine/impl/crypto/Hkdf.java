package io.tlsmachine.impl.crypto;

import java.util.Arrays;

/**
 * HKDF-Extract and HKDF-Expand (RFC 5869 §2) over a provider's HMAC.
 *
 * <p>TLS 1.3's HKDF-Expand-Label (RFC 8446 §7.1) builds its {@code info} and calls
 * {@link #expand}.
 */
public final class Hkdf {
    private final CryptoProvider provider;
    private final HashAlgorithm hash;

    public Hkdf(CryptoProvider provider, HashAlgorithm hash) {
        this.provider = provider;
        this.hash = hash;
    }

    public HashAlgorithm hash() {
        return hash;
    }

    /**
     * RFC 5869 §2.2: PRK = HMAC-Hash(salt, IKM); an empty salt stands for HashLen zeros.
     */
    public Secret extract(byte[] salt, byte[] inputKeyMaterial) {
        byte[] effectiveSalt = salt.length == 0 ? new byte[hash.length()] : salt;
        return Secret.adopt(provider.hmac(hash, effectiveSalt, inputKeyMaterial));
    }

    /** RFC 5869 §2.2 with a secret salt (TLS 1.3 derives each stage's salt from the previous one). */
    public Secret extract(Secret salt, Secret inputKeyMaterial) {
        return extract(salt.bytes(), inputKeyMaterial.bytes());
    }

    /**
     * RFC 5869 §2.3: OKM = first {@code length} bytes of T(1) || T(2) || ..., where
     * T(i) = HMAC-Hash(PRK, T(i-1) || info || i).
     *
     * @throws IllegalArgumentException when {@code length} exceeds 255 * HashLen
     */
    public Secret expand(Secret pseudoRandomKey, byte[] info, int length) {
        if (length < 0 || length > 255 * hash.length()) {
            throw new IllegalArgumentException("HKDF-Expand length out of range: " + length);
        }
        byte[] output = new byte[length];
        byte[] previous = new byte[0];
        int filled = 0;
        for (int counter = 1; filled < length; counter++) {
            byte[] block = provider.hmac(hash, pseudoRandomKey.bytes(), previous, info, new byte[] {(byte) counter});
            int take = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, output, filled, take);
            filled += take;
            Arrays.fill(previous, (byte) 0);
            previous = block;
        }
        Arrays.fill(previous, (byte) 0);
        return Secret.adopt(output);
    }

    @Override
    public String toString() {
        return "Hkdf[" + hash + " via " + provider.name() + "]";
    }
}
