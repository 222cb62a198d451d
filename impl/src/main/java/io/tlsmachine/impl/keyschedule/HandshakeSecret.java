package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.Secret;

/**
 * The second stage of the TLS 1.3 key schedule (RFC 8446 §7.1): gives the handshake traffic
 * secrets; {@link #toMasterSecret} moves on and destroys this stage.
 */
public final class HandshakeSecret extends Tls13ScheduleSecret {
    HandshakeSecret(Tls13Hkdf hkdf, Secret secret) {
        super(hkdf, secret);
    }

    /**
     * RFC 8446 §7.1: client_handshake_traffic_secret = Derive-Secret(., "c hs traffic",
     * ClientHello...ServerHello).
     */
    public TrafficSecret clientHandshakeTrafficSecret(byte[] transcriptHashThroughServerHello) {
        return trafficSecret("c hs traffic", transcriptHashThroughServerHello);
    }

    /**
     * RFC 8446 §7.1: server_handshake_traffic_secret = Derive-Secret(., "s hs traffic",
     * ClientHello...ServerHello).
     */
    public TrafficSecret serverHandshakeTrafficSecret(byte[] transcriptHashThroughServerHello) {
        return trafficSecret("s hs traffic", transcriptHashThroughServerHello);
    }

    /**
     * RFC 8446 §7.1: Master Secret = HKDF-Extract(Derive-Secret(Handshake Secret, "derived", ""), 0).
     * Destroys this stage.
     */
    public MasterSecret toMasterSecret() {
        Secret salt = hkdf.deriveSecret(this, "derived", hkdf.emptyHash());
        try {
            return new MasterSecret(hkdf, hkdf.extract(salt, null));
        } finally {
            salt.destroy();
            destroy();
        }
    }
}
