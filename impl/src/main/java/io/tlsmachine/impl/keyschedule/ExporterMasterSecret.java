package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.Digest;
import io.tlsmachine.impl.crypto.Secret;

/**
 * An exporter_master_secret or early_exporter_master_secret (RFC 8446 §7.1): exports keying
 * material for the application (§7.5, RFC 5705).
 */
public final class ExporterMasterSecret extends Tls13ScheduleSecret {
    ExporterMasterSecret(Tls13Hkdf hkdf, Secret secret) {
        super(hkdf, secret);
    }

    /** Returns the secret itself, for the NSS key log (EXPORTER_SECRET); never log it elsewhere. */
    @Override
    public Secret secret() {
        return this;
    }

    /**
     * RFC 8446 §7.5: TLS-Exporter(label, context_value, key_length) =
     * HKDF-Expand-Label(Derive-Secret(Secret, label, ""), "exporter", Hash(context_value),
     * key_length). "No context" and an empty context are the same in TLS 1.3.
     */
    public byte[] export(String label, byte[] context, int length) {
        Secret perLabel = hkdf.deriveSecret(this, label, hkdf.emptyHash());
        try {
            Digest digest = hkdf.provider().digest(hkdf.hash());
            digest.update(context == null ? new byte[0] : context);
            Secret output = hkdf.expandLabel(perLabel, "exporter", digest.finish(), length);
            byte[] exported = output.bytes().clone();
            output.destroy();
            return exported;
        } finally {
            perLabel.destroy();
        }
    }
}
