package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The record protection key and IV of one direction: in TLS 1.3 the write_key and write_iv of
 * RFC 8446 §7.3; in TLS 1.2 the write key and implicit IV of RFC 5246 §6.3 (4 bytes for AES-GCM
 * per RFC 5288 §3, 12 bytes for ChaCha20-Poly1305 per RFC 7905 §2).
 *
 * <p>Both parts are {@link Secret}s; {@link #toString} shows only their lengths.
 */
public record TrafficKeys(AeadAlgorithm aead, Secret key, Secret iv) implements Destroyable {
    public TrafficKeys {
        Objects.requireNonNull(aead, "aead");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(iv, "iv");
        if (key.length() != aead.keyLength()) {
            throw new IllegalArgumentException("a " + aead + " key has " + aead.keyLength() + " bytes, not " + key.length());
        }
    }

    @Override
    public void destroy() {
        key.destroy();
        iv.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return key.isDestroyed() && iv.isDestroyed();
    }
}
