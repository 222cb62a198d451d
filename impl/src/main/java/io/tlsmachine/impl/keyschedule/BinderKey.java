package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.Reason;

/**
 * The binder_key of one PSK (RFC 8446 §7.1): computes and checks the PSK binder of §4.2.11.2.
 *
 * <p>"The PskBinderEntry is computed in the same way as the Finished message (Section 4.4.4) but
 * with the BaseKey being the binder_key derived via the key schedule from the corresponding PSK
 * which is being offered." The transcript hash covers the ClientHello up to but not including the
 * binders list ({@link Transcript#hashWithTruncatedClientHello}).
 */
public final class BinderKey extends Tls13ScheduleSecret {
    BinderKey(Tls13Hkdf hkdf, Secret secret) {
        super(hkdf, secret);
    }

    /** Returns the binder's finished_key (RFC 8446 §4.4.4 with BaseKey = binder_key). */
    public Secret finishedKey() {
        return FinishedMac.finishedKey(hkdf, this);
    }

    /** RFC 8446 §4.2.11.2: binder = HMAC(finished_key, Transcript-Hash(Truncate(ClientHello1))). */
    public byte[] binder(byte[] truncatedTranscriptHash) {
        return FinishedMac.verifyData(hkdf, this, truncatedTranscriptHash);
    }

    /**
     * RFC 8446 §4.2.11: "the server MUST validate the corresponding binder value ... If this value
     * is not present or does not validate, the server MUST abort the handshake." Compares in
     * constant time.
     *
     * @throws io.tlsmachine.TlsException with reason {@link Reason#BAD_BINDER}
     */
    public void checkBinder(byte[] truncatedTranscriptHash, byte[] receivedBinder) {
        FinishedMac.check(hkdf, this, truncatedTranscriptHash, receivedBinder, Reason.BAD_BINDER, "PSK binder");
    }
}
