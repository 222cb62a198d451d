package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.Reason;

/**
 * A TLS 1.3 traffic secret of one direction and epoch (early, handshake or application): it gives
 * the record keys (RFC 8446 §7.3), the Finished key and verify_data (§4.4.4), and its next
 * generation after a KeyUpdate (§7.2).
 */
public final class TrafficSecret extends Tls13ScheduleSecret {
    TrafficSecret(Tls13Hkdf hkdf, Secret secret) {
        super(hkdf, secret);
    }

    /** Wraps a copy of a known traffic secret, e.g. one restored for a test or a resumed early-data stream. */
    public static TrafficSecret of(Tls13Hkdf hkdf, Secret secret) {
        if (secret.length() != hkdf.hash().length()) {
            throw new IllegalArgumentException("a " + hkdf.hash() + " traffic secret has " + hkdf.hash().length() + " bytes");
        }
        return new TrafficSecret(hkdf, Secret.copyOf(secret.bytes()));
    }

    /**
     * RFC 8446 §7.3: [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length) and
     * [sender]_write_iv = HKDF-Expand-Label(Secret, "iv", "", iv_length).
     */
    public TrafficKeys trafficKeys(AeadAlgorithm aead) {
        Secret key = hkdf.expandLabel(this, "key", new byte[0], aead.keyLength());
        Secret iv = hkdf.expandLabel(this, "iv", new byte[0], aead.nonceLength());
        return new TrafficKeys(aead, key, iv);
    }

    /** RFC 8446 §4.4.4: finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length). */
    public Secret finishedKey() {
        return FinishedMac.finishedKey(hkdf, this);
    }

    /**
     * RFC 8446 §4.4.4: verify_data = HMAC(finished_key, Transcript-Hash(Handshake Context,
     * Certificate*, CertificateVerify*)), this secret being the sender's handshake traffic secret
     * (or, post-handshake, its application traffic secret).
     */
    public byte[] finishedVerifyData(byte[] transcriptHash) {
        return FinishedMac.verifyData(hkdf, this, transcriptHash);
    }

    /**
     * RFC 8446 §4.4.4: "Recipients of Finished messages MUST verify that the contents are correct
     * and if incorrect MUST terminate the connection with a decrypt_error alert." Compares in
     * constant time.
     *
     * @throws io.tlsmachine.TlsException with reason {@link Reason#BAD_FINISHED}
     */
    public void checkFinished(byte[] transcriptHash, byte[] receivedVerifyData) {
        FinishedMac.check(hkdf, this, transcriptHash, receivedVerifyData, Reason.BAD_FINISHED, "Finished.verify_data");
    }

    /**
     * RFC 8446 §7.2: application_traffic_secret_N+1 = HKDF-Expand-Label(application_traffic_secret_N,
     * "traffic upd", "", Hash.length). Consumes this secret: it is destroyed, as §7.2 asks ("SHOULD
     * delete").
     */
    public TrafficSecret nextGeneration() {
        Secret next = hkdf.expandLabel(this, "traffic upd", new byte[0], hkdf.hash().length());
        destroy();
        return new TrafficSecret(hkdf, next);
    }

    /** The crypto provider this secret's schedule derives with, which also keys the AEAD of its traffic keys. */
    public CryptoProvider provider() {
        return hkdf.provider();
    }

    /** Returns the secret itself, for the key-schedule tests and the NSS key log; never log it elsewhere. */
    public Secret secret() {
        return this;
    }
}
