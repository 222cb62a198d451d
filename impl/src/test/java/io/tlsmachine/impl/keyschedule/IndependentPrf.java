package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.HashAlgorithm;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Test oracle: the TLS 1.2 P_hash (RFC 5246 §5) and HKDF-Expand-Label (RFC 8446 §7.1) written
 * again, straight from the RFC text, on Bouncy Castle's HMAC instead of the {@code CryptoProvider}.
 */
final class IndependentPrf {
    private IndependentPrf() {}

    static byte[] tls12(HashAlgorithm hash, byte[] secret, String label, byte[] seed, int length) {
        byte[] labelAndSeed = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] a = labelAndSeed;
        while (out.size() < length) {
            a = hmac(hash, secret, a);
            out.writeBytes(hmac(hash, secret, concat(a, labelAndSeed)));
        }
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, length);
    }

    /** HKDF-Expand (RFC 5869 §2.3) of HkdfLabel {length, "tls13 " + label, context}, built by hand. */
    static byte[] expandLabel(HashAlgorithm hash, byte[] secret, String label, byte[] context, int length) {
        byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.write(length >> 8);
        info.write(length & 0xFF);
        info.write(fullLabel.length);
        info.writeBytes(fullLabel);
        info.write(context.length);
        info.writeBytes(context);
        ByteArrayOutputStream okm = new ByteArrayOutputStream();
        byte[] t = new byte[0];
        for (int i = 1; okm.size() < length; i++) {
            t = hmac(hash, secret, concat(concat(t, info.toByteArray()), new byte[] {(byte) i}));
            okm.writeBytes(t);
        }
        return java.util.Arrays.copyOf(okm.toByteArray(), length);
    }

    static byte[] hash(HashAlgorithm hash, byte[] data) {
        Digest digest = digest(hash);
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    static byte[] hmac(HashAlgorithm hash, byte[] key, byte[] data) {
        HMac mac = new HMac(digest(hash));
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static Digest digest(HashAlgorithm hash) {
        return switch (hash) {
            case SHA256 -> new SHA256Digest();
            case SHA384 -> new SHA384Digest();
            default -> throw new IllegalArgumentException("no oracle for " + hash);
        };
    }
}
