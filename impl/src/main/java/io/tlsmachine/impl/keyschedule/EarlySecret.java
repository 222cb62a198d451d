package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.Secret;

/**
 * The first stage of the TLS 1.3 key schedule (RFC 8446 §7.1; drawn in {@code package-info}):
 * Early Secret = HKDF-Extract(0, PSK), with Hash.length zeros for PSK when there is none.
 *
 * <p>It gives the binder keys and the 0-RTT secrets; {@link #toHandshakeSecret} moves on to the
 * next stage and destroys this one.
 */
public final class EarlySecret extends Tls13ScheduleSecret {
    private EarlySecret(Tls13Hkdf hkdf, Secret secret) {
        super(hkdf, secret);
    }

    /** RFC 8446 §7.1: "if PSK is not in use, IKM is a string of Hash.length bytes set to 0". */
    public static EarlySecret withoutPsk(Tls13Hkdf hkdf) {
        return new EarlySecret(hkdf, hkdf.extract(null, null));
    }

    /** RFC 8446 §7.1: Early Secret = HKDF-Extract(0, PSK). The caller keeps ownership of {@code psk}. */
    public static EarlySecret fromPsk(Tls13Hkdf hkdf, Secret psk) {
        return new EarlySecret(hkdf, hkdf.extract(null, psk));
    }

    /** RFC 8446 §7.1: binder_key = Derive-Secret(., "ext binder" | "res binder", ""). */
    public BinderKey binderKey(PskKind kind) {
        return new BinderKey(hkdf, hkdf.deriveSecret(this, kind.binderLabel(), hkdf.emptyHash()));
    }

    /** RFC 8446 §7.1: client_early_traffic_secret = Derive-Secret(., "c e traffic", ClientHello). */
    public TrafficSecret clientEarlyTrafficSecret(byte[] clientHelloHash) {
        return trafficSecret("c e traffic", clientHelloHash);
    }

    /** RFC 8446 §7.1: early_exporter_master_secret = Derive-Secret(., "e exp master", ClientHello). */
    public ExporterMasterSecret earlyExporterMasterSecret(byte[] clientHelloHash) {
        return new ExporterMasterSecret(hkdf, hkdf.deriveSecret(this, "e exp master", clientHelloHash));
    }

    /**
     * RFC 8446 §7.1: Handshake Secret = HKDF-Extract(Derive-Secret(Early Secret, "derived", ""),
     * (EC)DHE). Destroys this stage; the caller keeps ownership of {@code sharedSecret}.
     */
    public HandshakeSecret toHandshakeSecret(Secret sharedSecret) {
        return new HandshakeSecret(hkdf, nextStage(sharedSecret));
    }

    /** As {@link #toHandshakeSecret} for psk_ke (RFC 8446 §4.2.9): no (EC)DHE, so Hash.length zeros. */
    public HandshakeSecret toHandshakeSecretWithoutKeyExchange() {
        return new HandshakeSecret(hkdf, nextStage(null));
    }

    private Secret nextStage(Secret inputKeyMaterial) {
        Secret salt = hkdf.deriveSecret(this, "derived", hkdf.emptyHash());
        try {
            return hkdf.extract(salt, inputKeyMaterial);
        } finally {
            salt.destroy();
            destroy();
        }
    }
}
