package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.AeadAlgorithm;
import javax.security.auth.Destroyable;

/**
 * The AEAD record keys of a TLS 1.2 connection, cut from the key block (RFC 5246 §6.3): the
 * client's and the server's write key and implicit IV. AEAD suites have no MAC keys
 * (mac_key_length = 0).
 */
public record Tls12KeyBlock(TrafficKeys client, TrafficKeys server) implements Destroyable {
    /**
     * Returns the implicit (fixed) IV length of an AEAD suite: 4 bytes for AES-GCM (RFC 5288 §3,
     * the salt; the other 8 nonce bytes are explicit in each record), 12 bytes for
     * ChaCha20-Poly1305 (RFC 7905 §2, XORed with the sequence number).
     */
    public static int fixedIvLength(AeadAlgorithm aead) {
        return switch (aead) {
            case AES_128_GCM, AES_256_GCM -> 4;
            case CHACHA20_POLY1305 -> 12;
        };
    }

    @Override
    public void destroy() {
        client.destroy();
        server.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return client.isDestroyed() && server.isDestroyed();
    }
}
