package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.RsaPremasterSelection;
import io.tlsmachine.impl.crypto.Secret;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;

/** TLS 1.2 RSA key transport (RFC 5246 §7.4.7.1) with Bouncy Castle's blinded RSA engine. */
final class BcRsaKeyTransport {
    private static final SecureRandom BLINDING = new SecureRandom();

    private BcRsaKeyTransport() {}

    static byte[] encrypt(PublicKey key, byte[] premaster, SecureRandom random) {
        try {
            PKCS1Encoding cipher = new PKCS1Encoding(new RSABlindedEngine());
            cipher.init(true, new ParametersWithRandom(BcKeys.publicKey(key), random));
            return cipher.processBlock(premaster, 0, premaster.length);
        } catch (IOException | InvalidCipherTextException | RuntimeException e) {
            throw new IllegalArgumentException("RSA encryption of the premaster secret failed", e);
        }
    }

    /** Raw (unpadded) decryption; the padding check is {@link RsaPremasterSelection}'s, in constant time. */
    static Secret decryptPremaster(PrivateKey key, byte[] encrypted, byte[] fallback, int expectedVersion) {
        return RsaPremasterSelection.decryptPremaster(key, encrypted, fallback, expectedVersion, block -> {
            try {
                RSABlindedEngine engine = new RSABlindedEngine();
                engine.init(false, new ParametersWithRandom(BcKeys.privateKey(key), BLINDING));
                return engine.processBlock(block, 0, block.length);
            } catch (IOException | DataLengthException e) {
                return null;
            }
        });
    }
}
