package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.Secret;

/** The resumption_master_secret (RFC 8446 §7.1): turns each ticket's nonce into its PSK (§4.6.1). */
public final class ResumptionMasterSecret extends Tls13ScheduleSecret {
    ResumptionMasterSecret(Tls13Hkdf hkdf, Secret secret) {
        super(hkdf, secret);
    }

    /**
     * RFC 8446 §4.6.1: the PSK of a ticket is HKDF-Expand-Label(resumption_master_secret,
     * "resumption", ticket_nonce, Hash.length).
     */
    public Secret ticketPsk(byte[] ticketNonce) {
        return hkdf.expandLabel(this, "resumption", ticketNonce, hkdf.hash().length());
    }
}
