package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The Finished computation of RFC 8446 §4.4.4, shared by Finished messages and PSK binders
 * (§4.2.11.2 computes a binder "in the same way as the Finished message").
 */
final class FinishedMac {
    private FinishedMac() {}

    /** RFC 8446 §4.4.4: finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length). */
    static Secret finishedKey(Tls13Hkdf hkdf, Secret baseKey) {
        return hkdf.expandLabel(baseKey, "finished", new byte[0], hkdf.hash().length());
    }

    /** RFC 8446 §4.4.4: verify_data = HMAC(finished_key, Transcript-Hash(...)). */
    static byte[] verifyData(Tls13Hkdf hkdf, Secret baseKey, byte[] transcriptHash) {
        Secret finishedKey = finishedKey(hkdf, baseKey);
        try {
            return hkdf.hmac(finishedKey, transcriptHash);
        } finally {
            finishedKey.destroy();
        }
    }

    /** Compares received with expected verify_data in constant time; fails with {@code reason}. */
    static void check(Tls13Hkdf hkdf, Secret baseKey, byte[] transcriptHash, byte[] received, Reason reason, String what) {
        byte[] expected = verifyData(hkdf, baseKey, transcriptHash);
        try {
            if (!MessageDigest.isEqual(expected, received)) {
                throw TlsException.fatal(reason, what + " does not match");
            }
        } finally {
            Arrays.fill(expected, (byte) 0);
        }
    }
}
