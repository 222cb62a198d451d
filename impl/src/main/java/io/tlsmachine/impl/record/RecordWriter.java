package io.tlsmachine.impl.record;

import io.tlsmachine.PaddingPolicy;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.TlsException;

/**
 * Fragments outgoing content into records and protects them with the current write key
 * (sans-IO: content in, record bytes out).
 *
 * <p>Fragments hold at most 2^14 bytes (RFC 8446 §5.1, RFC 5246 §6.2.1), and for protected records
 * at most what the peer's record_size_limit allows (RFC 8449 §4; in TLS 1.3 the limit counts the
 * whole TLSInnerPlaintext, so content + 1 + padding fits in it, RFC 8446 §5.4). TLS 1.3 records
 * are padded by the {@link PaddingPolicy}.
 *
 * <p>The engine decides what goes into one call: it passes the handshake messages of one flight
 * and one epoch together (they are coalesced) and changes keys only after a message that must end
 * a record (RFC 8446 §5.1: ClientHello, EndOfEarlyData, ServerHello, Finished, KeyUpdate).
 */
public final class RecordWriter {
    /** RFC 5246 §7.1, RFC 8446 §5: the ChangeCipherSpec message is the single byte 1. */
    private static final byte[] CHANGE_CIPHER_SPEC_MESSAGE = {1};

    private RecordProtection protection = PlaintextProtection.INSTANCE;
    private VersionCode recordVersion = VersionCode.TLS12;
    private int peerRecordSizeLimit = RecordLimits.TLS13_MAX_INNER_PLAINTEXT_LENGTH;
    private PaddingPolicy paddingPolicy = PaddingPolicy.none();

    /**
     * Encodes {@code content} as one or more records of {@code type} and returns their bytes.
     * Empty application data gives one empty record (RFC 8446 §5.1, §5.4 allow it); empty
     * handshake, alert or change_cipher_spec content is a programming error (RFC 8446 §5.1,
     * RFC 5246 §6.2.1: "MUST NOT send zero-length fragments"), and so is application data without
     * protection or a change_cipher_spec under TLS 1.3 keys.
     *
     * @throws TlsException SEQUENCE_NUMBER_EXHAUSTED when the write sequence number would wrap
     */
    public byte[] write(ContentType type, byte[] content) {
        return write(type, content, 0, content.length);
    }

    /** Encodes {@code content[offset, offset+length)}; see {@link #write(ContentType, byte[])}. */
    public byte[] write(ContentType type, byte[] content, int offset, int length) {
        ByteQueue out = new ByteQueue();
        write(type, content, offset, length, out);
        return out.take();
    }

    /**
     * Encodes {@code content[offset, offset+length)} as {@link #write(ContentType, byte[])} does, sealing each record
     * straight into {@code out} (no intermediate copy of the content or the record).
     */
    public void write(ContentType type, byte[] content, int offset, int length, ByteQueue out) {
        if (length == 0 && !type.equals(ContentType.APPLICATION_DATA)) {
            throw new IllegalArgumentException("zero-length " + type + " fragment");
        }
        // RFC 8446 §5.1: "Application Data records MUST NOT be written to the wire unprotected".
        if (type.equals(ContentType.APPLICATION_DATA) && protection.epoch() == Epoch.PLAINTEXT) {
            throw new IllegalStateException("application data before record protection is engaged");
        }
        // RFC 8446 §5: a protected change_cipher_spec is never valid; see compatibilityChangeCipherSpec().
        if (type.equals(ContentType.CHANGE_CIPHER_SPEC) && protection.innerOverhead() > 0) {
            throw new IllegalStateException("change_cipher_spec under TLS 1.3 keys; use compatibilityChangeCipherSpec()");
        }
        int plaintextLimit = protection.subjectToRecordSizeLimit()
                ? Math.min(protection.maxPlaintextLength(), peerRecordSizeLimit)
                : protection.maxPlaintextLength();
        int maxFragment = plaintextLimit - protection.innerOverhead();
        int position = offset;
        int end = offset + length;
        do {
            int fragment = Math.min(maxFragment, end - position);
            int padding = 0;
            if (protection.innerOverhead() > 0) {
                int maxPadding = plaintextLimit - protection.innerOverhead() - fragment;
                padding = Math.max(0, Math.min(maxPadding, paddingPolicy.paddingLength(fragment, maxPadding)));
            }
            byte[] target = out.reserve(protection.sealedLength(fragment, padding));
            out.commit(protection.seal(type, recordVersion, content, position, fragment, padding, target, out.writeOffset()));
            position += fragment;
        } while (position < end);
    }

    /**
     * Returns the unprotected change_cipher_spec record of TLS 1.3 middlebox compatibility mode,
     * {@code 14 03 03 00 01 01}, whatever the current write key (RFC 8446 §5, Appendix D.4: it is
     * never protected and does not count as a record of the current key).
     */
    public byte[] compatibilityChangeCipherSpec() {
        return PlaintextProtection.INSTANCE.seal(
                ContentType.CHANGE_CIPHER_SPEC, VersionCode.TLS12, CHANGE_CIPHER_SPEC_MESSAGE, 0, 1, 0);
    }

    /** Switches to a new write key (its sequence numbers start at zero) and wipes the previous one. */
    public void setProtection(RecordProtection next) {
        if (next != protection) {
            protection.destroy();
        }
        protection = next;
    }

    /** Keys the current write protection now if it was deferred (before its traffic secret is replaced). */
    public void keyNow() {
        if (protection instanceof Tls13AeadProtection deferred) {
            deferred.keyNow();
        }
    }

    /** The epoch of the current write key. */
    public Epoch epoch() {
        return protection.epoch();
    }

    /**
     * Sets legacy_record_version for the records that carry one: 0x0303, or 0x0301 for an initial
     * ClientHello (RFC 8446 §5.1: "a record containing an initial ClientHello SHOULD have version
     * 0x0301"; RFC 5246 Appendix E.1). TLS 1.3 TLSCiphertext always carries 0x0303.
     */
    public void setRecordVersion(VersionCode version) {
        if (!version.equals(VersionCode.TLS12) && !version.equals(VersionCode.TLS10)) {
            throw new IllegalArgumentException("legacy_record_version must be 0x0303 or 0x0301: " + version);
        }
        recordVersion = version;
    }

    /** Applies the record_size_limit the peer advertised (RFC 8449 §4) to protected records. */
    public void setPeerRecordSizeLimit(int limit) {
        if (limit < RecordLimits.MIN_RECORD_SIZE_LIMIT) {
            throw new IllegalArgumentException("record_size_limit below 64: " + limit);
        }
        peerRecordSizeLimit = limit;
    }

    /** Sets how TLS 1.3 records are padded (RFC 8446 §5.4). */
    public void setPaddingPolicy(PaddingPolicy policy) {
        paddingPolicy = policy;
    }

    /**
     * Whether this key protected enough records that a KeyUpdate is due (RFC 8446 §5.5); the engine
     * of a TLS 1.3 connection sends one before the next write.
     */
    public boolean shouldRekey() {
        return protection.shouldRekey();
    }
}
