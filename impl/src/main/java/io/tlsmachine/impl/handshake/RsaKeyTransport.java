package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.message.RsaClientKeyExchange;
import io.tlsmachine.impl.crypto.RsaPremasterSelection;
import io.tlsmachine.impl.crypto.Secret;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * Runs TLS 1.2 RSA key transport (RFC 5246 §7.4.7.1): the client encrypts a fresh premaster secret to the server's
 * certified RSA key; the server decrypts it with the countermeasure against Bleichenbacher's attack.
 */
final class RsaKeyTransport {

    private RsaKeyTransport() {
    }

    /** The client's premaster secret and the ClientKeyExchange carrying it encrypted. */
    record Sent(Secret premaster, RsaClientKeyExchange message) {
    }

    /**
     * RFC 5246 §7.4.7.1: "client_version: The latest (newest) version supported by the client", followed by 46 random
     * bytes, encrypted with RSAES-PKCS1-v1_5 to the key of the server's certificate.
     */
    static Sent clientSends(HandshakeContext ctx, PublicKey serverKey, int clientVersion) {
        byte[] premaster = new byte[RsaPremasterSelection.PREMASTER_LENGTH];
        ctx.config().random().nextBytes(premaster);
        premaster[0] = (byte) (clientVersion >>> 8);
        premaster[1] = (byte) clientVersion;
        byte[] encrypted = ctx.crypto().rsaEncrypt(serverKey, premaster, ctx.config().random());
        return new Sent(Secret.adopt(premaster), new RsaClientKeyExchange(Opaque.of(encrypted)));
    }

    /**
     * RFC 5246 §7.4.7.1: a random premaster secret R is drawn first; a ciphertext that does not decrypt to 48 bytes
     * starting with the ClientHello's client_version silently yields R, chosen in constant time, so that the failure
     * surfaces only later, when the client's Finished does not decrypt (bad_record_mac), never as an oracle here.
     */
    static Secret serverReceives(HandshakeContext ctx, PrivateKey key, RsaClientKeyExchange message, int clientVersion) {
        byte[] fallback = new byte[RsaPremasterSelection.PREMASTER_LENGTH];
        ctx.config().random().nextBytes(fallback);
        try {
            return ctx.crypto().rsaDecryptPremaster(key, message.encryptedPreMasterSecret().toByteArray(), fallback, clientVersion);
        } finally {
            Arrays.fill(fallback, (byte) 0);
        }
    }
}
