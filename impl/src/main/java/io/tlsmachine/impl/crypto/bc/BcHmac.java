package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.HashAlgorithm;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC (RFC 2104) with Bouncy Castle's lightweight {@link HMac}, one cached per hash and thread. */
final class BcHmac {
    private static final ThreadLocal<Map<HashAlgorithm, HMac>> MACS =
            ThreadLocal.withInitial(() -> new EnumMap<>(HashAlgorithm.class));

    private BcHmac() {}

    static byte[] mac(HashAlgorithm hash, byte[] key, byte[]... data) {
        HMac mac = MACS.get().computeIfAbsent(hash, h -> new HMac(BcDigests.create(h)));
        mac.init(new KeyParameter(key));
        for (byte[] part : data) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }
}
