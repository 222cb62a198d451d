package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.Secret;
import javax.security.auth.Destroyable;

/** The resumption_master_secret (RFC 8446 §7.1): turns each ticket's nonce into its PSK (§4.6.1). */
public final class ResumptionMasterSecret implements Destroyable {
    private final Tls13Hkdf hkdf;
    private final Secret secret;

    ResumptionMasterSecret(Tls13Hkdf hkdf, Secret secret) {
        this.hkdf = hkdf;
        this.secret = secret;
    }

    /**
     * RFC 8446 §4.6.1: the PSK of a ticket is HKDF-Expand-Label(resumption_master_secret,
     * "resumption", ticket_nonce, Hash.length).
     */
    public Secret ticketPsk(byte[] ticketNonce) {
        return hkdf.expandLabel(secret, "resumption", ticketNonce, hkdf.hash().length());
    }

    Secret secret() {
        return secret;
    }

    @Override
    public void destroy() {
        secret.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return secret.isDestroyed();
    }

    @Override
    public String toString() {
        return "ResumptionMasterSecret[" + hkdf.hash() + "]";
    }
}
