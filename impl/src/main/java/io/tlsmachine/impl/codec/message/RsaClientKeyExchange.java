package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;

/**
 * The RSA ClientKeyExchange: the premaster secret encrypted to the server's RSA key.
 *
 * <pre>
 * // RFC 5246 §7.4.7.1
 * struct { public-key-encrypted PreMasterSecret pre_master_secret; } EncryptedPreMasterSecret;
 * // §4.7: public-key-encrypted data is opaque&lt;0..2^16-1&gt;
 * </pre>
 *
 * <p>The ciphertext is public, but decryption failures must not be told apart (RFC 5246
 * §7.4.7.1, Bleichenbacher): that is the engine's concern, not the codec's.
 */
public record RsaClientKeyExchange(Opaque encryptedPreMasterSecret) implements ClientKeyExchange {
    @Override
    public void writeBody(ByteWriter out) {
        out.opaque16("EncryptedPreMasterSecret", 0, 0xFFFF, encryptedPreMasterSecret);
    }

    /** Reads the body. */
    public static RsaClientKeyExchange decodeBody(ByteReader body) {
        return new RsaClientKeyExchange(body.opaque16("ClientKeyExchange.EncryptedPreMasterSecret", 0, 0xFFFF));
    }
}
