package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.Secret;
import javax.security.auth.Destroyable;

/**
 * Holds one secret of the TLS 1.3 key schedule (RFC 8446 §7.1) with the HKDF that derives from it:
 * destroying the holder wipes the secret, and {@link #toString} names the stage and hash, never the
 * bytes.
 */
abstract sealed class Tls13ScheduleSecret implements Destroyable
        permits EarlySecret, HandshakeSecret, MasterSecret, BinderKey, ExporterMasterSecret, ResumptionMasterSecret,
                TrafficSecret {
    final Tls13Hkdf hkdf;
    final Secret secret;

    Tls13ScheduleSecret(Tls13Hkdf hkdf, Secret secret) {
        this.hkdf = hkdf;
        this.secret = secret;
    }

    Secret secret() {
        return secret;
    }

    @Override
    public final void destroy() {
        secret.destroy();
    }

    @Override
    public final boolean isDestroyed() {
        return secret.isDestroyed();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + hkdf.hash() + (secret.isDestroyed() ? ", destroyed]" : "]");
    }
}
