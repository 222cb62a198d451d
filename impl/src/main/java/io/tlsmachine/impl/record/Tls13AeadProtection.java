package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.keyschedule.TrafficKeys;
import io.tlsmachine.impl.keyschedule.TrafficSecret;
import java.util.Arrays;

/**
 * TLS 1.3 record protection with one traffic key and IV (RFC 8446 §5.2 - §5.4).
 *
 * <pre>
 * struct {
 *     opaque content[TLSPlaintext.length];
 *     ContentType type;
 *     uint8 zeros[length_of_padding];
 * } TLSInnerPlaintext;
 *
 * struct {
 *     ContentType opaque_type = application_data;      /* 23 *&#47;
 *     ProtocolVersion legacy_record_version = 0x0303;  /* TLS v1.2 *&#47;
 *     uint16 length;
 *     opaque encrypted_record[TLSCiphertext.length];
 * } TLSCiphertext;
 *
 * nonce           = write_iv XOR (sequence number, left-padded to iv_length)   (§5.3)
 * additional_data = opaque_type || legacy_record_version || length             (§5.2)
 * </pre>
 */
public final class Tls13AeadProtection implements RecordProtection {
    /** RFC 8446 §5.2: each content type as the one-byte TLSInnerPlaintext trailer, shared by all (only ever read). */
    private static final byte[][] CONTENT_TYPE_TRAILERS = new byte[256][];

    static {
        for (int type = 0; type < CONTENT_TYPE_TRAILERS.length; type++) {
            CONTENT_TYPE_TRAILERS[type] = new byte[] {(byte) type};
        }
    }

    private final Epoch epoch;
    private final AeadAlgorithm algorithm;
    /** The keyed AEAD, the IV and the sequence number: null while a deferred protection is not yet keyed. */
    private Aead aead;
    /**
     * The write_iv; during one seal or open it is that record's nonce, XORed with the sequence number and back (as Go's
     * crypto/tls xorNonceAEAD does), so a direction holds no second array.
     */
    private byte[] iv;
    private SequenceNumber sequence;
    /** A deferred protection's traffic secret (its owner's, never destroyed here) and provider, until keyed. */
    private TrafficSecret deferredSecret;
    /** Per-record scratch: the additional data (the record header) of the record being sealed; made on first use. */
    private byte[] additionalData;

    /**
     * Keys a protection with the write key and write_iv of {@code keys} (from the key schedule);
     * the protection keeps its own copies, so the caller may destroy {@code keys} afterwards.
     */
    public static Tls13AeadProtection create(Epoch epoch, CryptoProvider crypto, TrafficKeys keys) {
        return new Tls13AeadProtection(epoch, crypto.aead(keys.aead(), keys.key()), keys.iv().bytes());
    }

    /**
     * Derives the write key and write_iv from {@code secret} (RFC 8446 §7.3) on first use rather than now, so a
     * direction no record flows in holds no keyed AEAD. The caller keeps {@code secret} intact until this
     * protection has sealed or opened a record, or is replaced (see {@link #keyNow()}). The AEAD is keyed by the
     * provider the secret's key schedule derives with.
     */
    public static Tls13AeadProtection deferred(Epoch epoch, AeadAlgorithm algorithm, TrafficSecret secret) {
        return new Tls13AeadProtection(epoch, algorithm, secret);
    }

    private Tls13AeadProtection(Epoch epoch, AeadAlgorithm algorithm, TrafficSecret secret) {
        if (epoch == Epoch.PLAINTEXT) {
            throw new IllegalArgumentException("an AEAD protection is not the plaintext epoch");
        }
        this.epoch = epoch;
        this.algorithm = algorithm;
        this.deferredSecret = secret;
    }

    /** Protects with {@code aead} (keyed with the traffic key) and {@code iv}; sequence numbers start at zero. */
    public Tls13AeadProtection(Epoch epoch, Aead aead, byte[] iv) {
        this(epoch, aead, iv, SequenceNumber.forAead(aead.algorithm()));
    }

    Tls13AeadProtection(Epoch epoch, Aead aead, byte[] iv, SequenceNumber sequence) {
        if (epoch == Epoch.PLAINTEXT) {
            throw new IllegalArgumentException("an AEAD protection is not the plaintext epoch");
        }
        if (iv.length != aead.algorithm().nonceLength()) {
            throw new IllegalArgumentException(aead.algorithm() + " needs a " + aead.algorithm().nonceLength() + "-byte IV");
        }
        this.epoch = epoch;
        this.algorithm = aead.algorithm();
        this.aead = aead;
        this.iv = iv.clone();
        this.sequence = sequence;
    }

    /**
     * Keys a deferred protection now, from its traffic secret, before the secret's owner destroys it (a KeyUpdate
     * replaces the secret before its record is sealed under the old key); does nothing to a keyed one.
     */
    public void keyNow() {
        if (aead != null) {
            return;
        }
        if (deferredSecret == null) {
            throw new IllegalStateException("record protection used after destroy()");
        }
        TrafficKeys keys = deferredSecret.trafficKeys(algorithm);
        aead = deferredSecret.provider().aead(keys.aead(), keys.key());
        iv = keys.iv().bytes().clone();
        sequence = SequenceNumber.forAead(algorithm);
        deferredSecret = null;
    }

    /** RFC 8446 §5.3: the per-record nonce for {@code sequenceNumber}. */
    public static byte[] nonce(byte[] iv, long sequenceNumber) {
        return AeadSupport.xorNonce(iv, sequenceNumber);
    }

    @Override
    public Epoch epoch() {
        return epoch;
    }

    /**
     * RFC 8446 §5: protected records have outer type application_data. An unprotected
     * change_cipher_spec "may appear at a point at the handshake where the implementation is
     * expecting protected records, and so it is necessary to detect this condition prior to
     * attempting to deprotect the record": it passes through, and so does an unprotected alert,
     * which a peer sends when it fails before it has our keys; the model accepts either by its
     * epoch or rejects it. An unprotected handshake record after keys are engaged is never valid.
     */
    @Override
    public OuterTypeHandling handling(ContentType outerType) {
        if (outerType.equals(ContentType.APPLICATION_DATA)) {
            return OuterTypeHandling.DEPROTECT;
        }
        if (outerType.equals(ContentType.CHANGE_CIPHER_SPEC) || outerType.equals(ContentType.ALERT)) {
            return OuterTypeHandling.PASS_THROUGH_UNPROTECTED;
        }
        return OuterTypeHandling.REJECT;
    }

    @Override
    public int maxBodyLength() {
        return RecordLimits.TLS13_MAX_CIPHERTEXT_LENGTH;
    }

    @Override
    public int maxPlaintextLength() {
        return RecordLimits.TLS13_MAX_INNER_PLAINTEXT_LENGTH;
    }

    @Override
    public int innerOverhead() {
        return 1;
    }

    @Override
    public boolean subjectToRecordSizeLimit() {
        return true;
    }

    @Override
    public int sealedLength(int length, int paddingLength) {
        int innerLength = length + 1 + paddingLength;
        if (innerLength > RecordLimits.TLS13_MAX_INNER_PLAINTEXT_LENGTH || paddingLength < 0) {
            throw new IllegalArgumentException("TLSInnerPlaintext of " + innerLength + " bytes exceeds 2^14 + 1");
        }
        return RecordLimits.HEADER_LENGTH + innerLength + algorithm.tagLength();
    }

    /**
     * Seals one TLSCiphertext straight into {@code out}: without padding the content and the type byte are encrypted
     * from where they are, with padding the TLSInnerPlaintext is laid out where the encrypted_record goes and
     * encrypted there; its legacy_record_version is always 0x0303 (RFC 8446 §5.2), whatever {@code version} says.
     */
    @Override
    public int seal(ContentType type, VersionCode version, byte[] content, int offset, int length, int paddingLength,
            byte[] out, int outOffset) {
        int recordLength = sealedLength(length, paddingLength);
        keyNow();
        int innerLength = length + 1 + paddingLength;
        int bodyOffset = outOffset + RecordLimits.HEADER_LENGTH;
        RecordHeader.write(out, outOffset, ContentType.APPLICATION_DATA, VersionCode.TLS12,
                recordLength - RecordLimits.HEADER_LENGTH);
        if (additionalData == null) {
            additionalData = new byte[RecordLimits.HEADER_LENGTH];
        }
        System.arraycopy(out, outOffset, additionalData, 0, RecordLimits.HEADER_LENGTH);
        long sequenceNumber = sequence.current();
        AeadSupport.xorSequenceInPlace(iv, sequenceNumber);
        try {
            if (paddingLength == 0) {
                // TLSInnerPlaintext = content || type: encrypted from the caller's bytes and the type byte, no copy.
                aead.seal(iv, additionalData, content, offset, length, CONTENT_TYPE_TRAILERS[type.code()], 1, out,
                        bodyOffset);
            } else {
                System.arraycopy(content, offset, out, bodyOffset, length);
                out[bodyOffset + length] = (byte) type.code();
                Arrays.fill(out, bodyOffset + length + 1, bodyOffset + innerLength, (byte) 0);
                aead.seal(iv, additionalData, out, bodyOffset, innerLength, out, bodyOffset);
            }
        } finally {
            AeadSupport.xorSequenceInPlace(iv, sequenceNumber);
        }
        sequence.advance();
        return recordLength;
    }

    @Override
    public OpenedRecord open(byte[] header, byte[] buffer, int offset, int length) {
        return open(header, buffer, offset, length, buffer, offset);
    }

    @Override
    public OpenedRecord open(byte[] header, byte[] in, int inOffset, int length, byte[] buffer, int offset) {
        int innerLength = length - algorithm.tagLength();
        if (innerLength < 0) {
            throw TlsException.fatal(Reason.BAD_RECORD_MAC, "TLSCiphertext shorter than the AEAD tag");
        }
        keyNow();
        long sequenceNumber = sequence.current();
        AeadSupport.xorSequenceInPlace(iv, sequenceNumber);
        try {
            aead.open(iv, header, in, inOffset, length, buffer, offset);
        } finally {
            AeadSupport.xorSequenceInPlace(iv, sequenceNumber);
        }
        sequence.advance();
        // RFC 8446 §5.4: scan from the end for the first non-zero octet, the content type.
        int typeIndex = offset + innerLength - 1;
        while (typeIndex >= offset && buffer[typeIndex] == 0) {
            typeIndex--;
        }
        if (typeIndex < offset) {
            throw TlsException.fatal(Reason.UNEXPECTED_MESSAGE, "TLSInnerPlaintext has no non-zero content type");
        }
        ContentType type = new ContentType(buffer[typeIndex] & 0xFF);
        return new OpenedRecord(type, buffer, offset, typeIndex - offset, innerLength);
    }

    @Override
    public boolean shouldRekey() {
        return sequence != null && sequence.shouldRekey();
    }

    @Override
    public void destroy() {
        deferredSecret = null;
        if (aead != null) {
            AeadSupport.destroy(aead, iv, null);
        }
    }

    @Override
    public String toString() {
        return "Tls13AeadProtection[" + epoch + ", " + algorithm + "]";
    }
}
