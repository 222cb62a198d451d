package io.tlsmachine.jsse;

import io.tlsmachine.impl.record.RecordLimits;
import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.model.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Optional;

/** Finds whole TLS records at the front of a buffer (RFC 8446 §5.1: a 5-byte header whose last two bytes are the length) and sizes their plaintext. */
final class RecordFraming {
    /** The content type of application data records (RFC 8446 §5.1). */
    static final int APPLICATION_DATA = 23;

    private RecordFraming() {}

    /**
     * Returns the length, header included, of the record starting at {@code in}'s position, or -1 when {@code in}
     * does not yet hold all of it.
     */
    static int completeRecordLength(ByteBuffer in) {
        if (in.remaining() < RecordLimits.HEADER_LENGTH) {
            return -1;
        }
        int p = in.position();
        int length = RecordLimits.HEADER_LENGTH + ((in.get(p + 3) & 0xFF) << 8 | (in.get(p + 4) & 0xFF));
        return in.remaining() >= length ? length : -1;
    }

    /** Returns the content type of the record starting at {@code in}'s position (at least one byte remains). */
    static int contentType(ByteBuffer in) {
        return in.get(in.position()) & 0xFF;
    }

    /**
     * The most plaintext a protected record of {@code recordLength} bytes can hold: its body less the AEAD tag (16
     * bytes for every suite we implement) and, for TLS 1.2 AES-GCM, the explicit nonce (RFC 5288 §3: 8 bytes), and
     * never more than a record's plaintext limit (RFC 8446 §5.1).
     */
    static int maxPlaintext(int recordLength, boolean explicitNonce) {
        int body = recordLength - RecordLimits.HEADER_LENGTH - 16 - (explicitNonce ? 8 : 0);
        return Math.max(0, Math.min(RecordLimits.MAX_PLAINTEXT_LENGTH, body));
    }

    /** Whether records carry an explicit nonce: TLS 1.2 with an AES-GCM suite (RFC 5288 §3). */
    static boolean explicitNonce(Optional<NegotiatedParameters> negotiated) {
        return negotiated.filter(n -> n.version() == ProtocolVersion.TLS12 && n.cipherSuite().name().contains("_GCM_"))
                .isPresent();
    }

    /** Returns the bytes remaining in {@code buffers[offset, offset+length)}. */
    static long remaining(ByteBuffer[] buffers, int offset, int length) {
        long remaining = 0;
        for (int i = offset; i < offset + length; i++) {
            remaining += buffers[i].remaining();
        }
        return remaining;
    }
}
