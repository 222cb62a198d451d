package io.tlsmachine.impl.crypto.jdk;

import io.tlsmachine.impl.crypto.HashAlgorithm;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.EnumMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC (RFC 2104) with the JDK's {@code HmacSHA*}, one cached {@link Mac} per hash and thread. */
final class JdkHmac {
    private static final ThreadLocal<Map<HashAlgorithm, Mac>> MACS =
            ThreadLocal.withInitial(() -> new EnumMap<>(HashAlgorithm.class));

    /**
     * RFC 2104 §2 pads the key with zeros to the block size, so an empty key and a one-byte zero
     * key give the same MAC; the JCA refuses empty keys, so we pass the latter.
     */
    private static final byte[] EMPTY_KEY_EQUIVALENT = {0};

    private JdkHmac() {}

    static byte[] mac(HashAlgorithm hash, byte[] key, byte[]... data) {
        Mac mac = MACS.get().computeIfAbsent(hash, JdkHmac::newMac);
        try {
            mac.init(new SecretKeySpec(key.length == 0 ? EMPTY_KEY_EQUIVALENT : key, hash.hmacJcaName()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("JDK refused an HMAC key", e);
        }
        for (byte[] part : data) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    private static Mac newMac(HashAlgorithm hash) {
        try {
            return Mac.getInstance(hash.hmacJcaName());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + hash.hmacJcaName(), e);
        }
    }
}
