package io.tlsmachine.impl.engine;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.impl.keyschedule.Tls13Hkdf;
import io.tlsmachine.impl.keyschedule.TrafficSecret;
import io.tlsmachine.impl.record.ReceivedRecord;
import io.tlsmachine.impl.record.RecordReader;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.record.Tls13AeadProtection;
import java.nio.ByteBuffer;

/**
 * Seals and opens TLS 1.3 records (TLS_AES_128_GCM_SHA256) with a traffic secret a {@link CapturingKeyLog} caught,
 * as a deviating peer would: for tests that inject records an engine of ours would never send.
 */
final class RecordKeys {

    private RecordKeys() {
    }

    /** A protection keyed from the logged secret, its sequence number advanced to {@code sequence}. */
    static Tls13AeadProtection protection(CapturingKeyLog log, KeyLogLabel label, long sequence) {
        TrafficSecret secret = TrafficSecret.of(new Tls13Hkdf(CryptoProviders.fastest(), HashAlgorithm.SHA256),
                Secret.copyOf(log.secret(label)));
        Tls13AeadProtection protection = Tls13AeadProtection.create(Epoch.HANDSHAKE, CryptoProviders.fastest(),
                secret.trafficKeys(AeadAlgorithm.AES_128_GCM));
        for (long i = 0; i < sequence; i++) {
            protection.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, new byte[1], 0, 1, 0);
        }
        return protection;
    }

    /** One record of {@code type} holding {@code content}, sealed as record number {@code sequence}. */
    static byte[] seal(CapturingKeyLog log, KeyLogLabel label, long sequence, ContentType type, byte[] content) {
        return protection(log, label, sequence).seal(type, VersionCode.TLS12, content, 0, content.length, 0);
    }

    /** Opens the one record in {@code record}, record number {@code sequence}, and returns its content (type dropped). */
    static byte[] open(CapturingKeyLog log, KeyLogLabel label, long sequence, byte[] record) {
        RecordReader reader = new RecordReader();
        reader.setProtection(protection(log, label, sequence));
        ByteBuffer in = ByteBuffer.wrap(record);
        ReceivedRecord received = reader.read(in);
        if (received == null || in.hasRemaining()) {
            throw new AssertionError("expected one record, got " + record.length + " bytes");
        }
        return received.fragment();
    }
}
