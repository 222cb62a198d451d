package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.Hkdf;
import io.tlsmachine.impl.crypto.Secret;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * HKDF-Extract, HKDF-Expand-Label and Derive-Secret of RFC 8446 §7.1 over one cipher suite hash.
 *
 * <p>Labels are the RFC 8446 ones with the {@code "tls13 "} prefix. The example traces in {@code
 * tls13-vectors-draft-latest.txt} (draft-ietf-tls-tls13-vectors, September 2018) use exactly these
 * labels: each {@code info} they print begins {@code 74 6c 73 31 33 20} ("tls13 "), and the trace
 * tests compare every {@code info} with {@link #hkdfLabel}. So the prefix is not a parameter.
 */
public final class Tls13Hkdf {
    /** RFC 8446 §7.1: every HkdfLabel.label starts with this. */
    static final String LABEL_PREFIX = "tls13 ";

    private final CryptoProvider provider;
    private final Hkdf hkdf;

    /**
     * The instances connections are using, per provider and hash, weakly held: a Tls13Hkdf is immutable, so the
     * connections of one configuration share one rather than each holding its own.
     */
    private static final Map<CryptoProvider, Map<HashAlgorithm, WeakReference<Tls13Hkdf>>> SHARED = new WeakHashMap<>();

    /** Returns an instance over {@code hash} with {@code provider}, shared with other connections while any uses it. */
    public static Tls13Hkdf shared(CryptoProvider provider, HashAlgorithm hash) {
        synchronized (SHARED) {
            Map<HashAlgorithm, WeakReference<Tls13Hkdf>> perHash =
                    SHARED.computeIfAbsent(provider, p -> new EnumMap<>(HashAlgorithm.class));
            WeakReference<Tls13Hkdf> reference = perHash.get(hash);
            Tls13Hkdf hkdf = reference == null ? null : reference.get();
            if (hkdf == null) {
                hkdf = new Tls13Hkdf(provider, hash);
                perHash.put(hash, new WeakReference<>(hkdf));
            }
            return hkdf;
        }
    }

    public Tls13Hkdf(CryptoProvider provider, HashAlgorithm hash) {
        this.provider = provider;
        this.hkdf = new Hkdf(provider, hash);
    }

    public HashAlgorithm hash() {
        return hkdf.hash();
    }

    public CryptoProvider provider() {
        return provider;
    }

    /**
     * Returns Transcript-Hash("") of RFC 8446 §7.1: the hash of no bytes, computed when asked (a few times per
     * handshake or export), so an established connection does not hold it.
     */
    public byte[] emptyHash() {
        return provider.digest(hkdf.hash()).finish();
    }

    /** RFC 5869 §2.2: HKDF-Extract(salt, IKM); {@code null} salt or IKM stands for Hash.length zeros. */
    public Secret extract(Secret salt, Secret inputKeyMaterial) {
        byte[] zeros = new byte[hash().length()];
        return hkdf.extract(salt == null ? zeros : salt.bytes(), inputKeyMaterial == null ? zeros : inputKeyMaterial.bytes());
    }

    /**
     * RFC 8446 §7.1: HKDF-Expand-Label(Secret, Label, Context, Length) = HKDF-Expand(Secret,
     * HkdfLabel, Length).
     */
    public Secret expandLabel(Secret secret, String label, byte[] context, int length) {
        return hkdf.expand(secret, hkdfLabel(length, label, context), length);
    }

    /**
     * RFC 8446 §7.1: Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label,
     * Transcript-Hash(Messages), Hash.length), given the transcript hash itself.
     */
    public Secret deriveSecret(Secret secret, String label, byte[] transcriptHash) {
        if (transcriptHash.length != hash().length()) {
            throw new IllegalArgumentException("transcript hash of " + transcriptHash.length + " bytes for " + hash());
        }
        return expandLabel(secret, label, transcriptHash, hash().length());
    }

    /** Returns HMAC-Hash(key, data), as Finished and binders use it (RFC 8446 §4.4.4). */
    byte[] hmac(Secret key, byte[] data) {
        return provider.hmac(hash(), key.bytes(), data);
    }

    /**
     * Encodes the HkdfLabel of RFC 8446 §7.1.
     *
     * <pre>
     * struct {
     *     uint16 length = Length;
     *     opaque label&lt;7..255&gt; = "tls13 " + Label;
     *     opaque context&lt;0..255&gt; = Context;
     * } HkdfLabel;
     * </pre>
     *
     * @throws IllegalArgumentException when a field does not fit its range
     */
    public static byte[] hkdfLabel(int length, String label, byte[] context) {
        byte[] fullLabel = (LABEL_PREFIX + label).getBytes(StandardCharsets.US_ASCII);
        if (length < 0 || length > 0xFFFF) {
            throw new IllegalArgumentException("HkdfLabel.length out of range: " + length);
        }
        if (fullLabel.length > 255) {
            throw new IllegalArgumentException("HkdfLabel.label longer than 255 bytes");
        }
        if (context.length > 255) {
            throw new IllegalArgumentException("HkdfLabel.context longer than 255 bytes");
        }
        byte[] out = new byte[2 + 1 + fullLabel.length + 1 + context.length];
        out[0] = (byte) (length >>> 8);
        out[1] = (byte) length;
        out[2] = (byte) fullLabel.length;
        System.arraycopy(fullLabel, 0, out, 3, fullLabel.length);
        out[3 + fullLabel.length] = (byte) context.length;
        System.arraycopy(context, 0, out, 4 + fullLabel.length, context.length);
        return out;
    }

    @Override
    public String toString() {
        return "Tls13Hkdf[" + hash() + " via " + provider.name() + "]";
    }
}
