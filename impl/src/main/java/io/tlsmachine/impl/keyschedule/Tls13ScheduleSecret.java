package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.Secret;
import javax.security.auth.Destroyable;

/**
 * Holds one secret of the TLS 1.3 key schedule (RFC 8446 §7.1) with the HKDF that derives from it:
 * destroying the holder wipes the secret, and {@link #toString} names the stage and hash, never the
 * bytes.
 */
abstract sealed class Tls13ScheduleSecret extends Secret
        permits EarlySecret, HandshakeSecret, MasterSecret, BinderKey, ExporterMasterSecret, ResumptionMasterSecret,
                TrafficSecret {
    final Tls13Hkdf hkdf;

    /** Takes over the bytes of {@code derived}, a secret just derived for this stage, whose wrapper is dropped. */
    Tls13ScheduleSecret(Tls13Hkdf hkdf, Secret derived) {
        super(derived.bytes());
        this.hkdf = hkdf;
    }

    Secret secret() {
        return this;
    }

    /** RFC 8446 §7.1: a traffic secret = Derive-Secret(this stage, {@code label}, Transcript-Hash of the messages so far). */
    final TrafficSecret trafficSecret(String label, byte[] transcriptHash) {
        return new TrafficSecret(hkdf, hkdf.deriveSecret(this, label, transcriptHash));
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + hkdf.hash() + (isDestroyed() ? ", destroyed]" : "]");
    }
}
