package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The TLS 1.2 pseudorandom function of RFC 5246 §5 with the cipher suite's PRF hash (SHA-256 for
 * the RFC 5246 and RFC 5288 SHA-256 suites, SHA-384 for the SHA-384 ones).
 */
public final class Tls12Prf {
    private final CryptoProvider provider;
    private final HashAlgorithm hash;

    public Tls12Prf(CryptoProvider provider, HashAlgorithm hash) {
        this.provider = provider;
        this.hash = hash;
    }

    public HashAlgorithm hash() {
        return hash;
    }

    public CryptoProvider provider() {
        return provider;
    }

    /**
     * RFC 5246 §5: PRF(secret, label, seed) = P_hash(secret, label + seed), with seed the
     * concatenation of {@code seedParts}.
     */
    public Secret derive(Secret secret, String label, int length, byte[]... seedParts) {
        ByteArrayOutputStream seed = new ByteArrayOutputStream();
        seed.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        for (byte[] part : seedParts) {
            seed.writeBytes(part);
        }
        return Secret.adopt(pHash(secret.bytes(), seed.toByteArray(), length));
    }

    /**
     * RFC 5246 §5: P_hash(secret, seed) = HMAC_hash(secret, A(1) + seed) + HMAC_hash(secret, A(2) +
     * seed) + ..., where A(0) = seed and A(i) = HMAC_hash(secret, A(i-1)); truncated to {@code
     * length}.
     */
    private byte[] pHash(byte[] secret, byte[] seed, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("PRF length out of range: " + length);
        }
        byte[] output = new byte[length];
        byte[] a = seed;
        int filled = 0;
        while (filled < length) {
            byte[] next = provider.hmac(hash, secret, a);
            if (a != seed) {
                Arrays.fill(a, (byte) 0);
            }
            a = next;
            byte[] block = provider.hmac(hash, secret, a, seed);
            int take = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, output, filled, take);
            Arrays.fill(block, (byte) 0);
            filled += take;
        }
        if (a != seed) {
            Arrays.fill(a, (byte) 0);
        }
        return output;
    }

    @Override
    public String toString() {
        return "Tls12Prf[" + hash + " via " + provider.name() + "]";
    }
}
