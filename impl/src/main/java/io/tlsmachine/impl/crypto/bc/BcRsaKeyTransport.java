package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.FixedLength;
import io.tlsmachine.impl.crypto.RsaPremasterSelection;
import io.tlsmachine.impl.crypto.Secret;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
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
        if (!(key instanceof RSAKey rsaKey)) {
            throw new IllegalArgumentException("RSA key transport needs an RSA private key");
        }
        int k = (rsaKey.getModulus().bitLength() + 7) / 8;
        byte[] encoded = null;
        if (encrypted.length == k) {
            try {
                RSABlindedEngine engine = new RSABlindedEngine();
                engine.init(false, new ParametersWithRandom(BcKeys.privateKey(key), BLINDING));
                encoded = FixedLength.leftPad(engine.processBlock(encrypted, 0, encrypted.length), k);
            } catch (IOException | DataLengthException e) {
                encoded = null; // a ciphertext not below the modulus: public, so the fallback may branch
            }
        }
        if (encoded == null) {
            return Secret.adopt(fallback.clone());
        }
        byte[] premaster = RsaPremasterSelection.select(encoded, fallback, expectedVersion);
        Arrays.fill(encoded, (byte) 0);
        return Secret.adopt(premaster);
    }
}
