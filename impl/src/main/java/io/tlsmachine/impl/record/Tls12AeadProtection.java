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

/**
 * TLS 1.2 AEAD record protection (RFC 5246 §6.2.3.3) with AES-GCM (RFC 5288 §3) or
 * ChaCha20-Poly1305 (RFC 7905 §2).
 *
 * <pre>
 * struct {
 *     opaque nonce_explicit[SecurityParameters.record_iv_length];
 *     aead-ciphered struct { opaque content[TLSCompressed.length]; };
 * } GenericAEADCipher;
 *
 * additional_data = seq_num || TLSCompressed.type || TLSCompressed.version || TLSCompressed.length
 *
 * AES-GCM (RFC 5288 §3):   nonce = salt[4] (the write IV) || nonce_explicit[8]; we send seq_num
 *                          as nonce_explicit, and use whatever explicit part the peer sends.
 * ChaCha20 (RFC 7905 §2):  nonce = write_iv[12] XOR (seq_num left-padded with zeros); no
 *                          nonce_explicit on the wire (record_iv_length = 0).
 * </pre>
 *
 * <p>TLSCompressed is TLSPlaintext here: compression is always null.
 */
public final class Tls12AeadProtection implements RecordProtection {
    /** RFC 5288 §3: the implicit part of the GCM nonce. */
    static final int GCM_SALT_LENGTH = 4;
    /** RFC 5288 §3: record_iv_length for AES-GCM. */
    static final int GCM_EXPLICIT_NONCE_LENGTH = 8;

    private final Epoch epoch;
    private final Aead aead;
    private final byte[] fixedIv;
    private final int explicitNonceLength;
    private final SequenceNumber sequence;
    /** Per-record scratch: the nonce and the additional data of the record being sealed or opened. */
    private final byte[] nonce;
    private final byte[] additionalData = new byte[13];

    /**
     * Keys a protection with the write key and implicit IV of {@code keys} (from the TLS 1.2 key
     * block); the protection keeps its own copies, so the caller may destroy {@code keys} afterwards.
     */
    public static Tls12AeadProtection create(Epoch epoch, CryptoProvider crypto, TrafficKeys keys) {
        return new Tls12AeadProtection(epoch, crypto.aead(keys.aead(), keys.key()), keys.iv().bytes());
    }

    /**
     * Protects with {@code aead} (keyed with the write key) and {@code fixedIv}: the 4-byte salt
     * for AES-GCM, the 12-byte IV for ChaCha20-Poly1305.
     */
    public Tls12AeadProtection(Epoch epoch, Aead aead, byte[] fixedIv) {
        this(epoch, aead, fixedIv, SequenceNumber.forAead(aead.algorithm()));
    }

    Tls12AeadProtection(Epoch epoch, Aead aead, byte[] fixedIv, SequenceNumber sequence) {
        if (epoch == Epoch.PLAINTEXT) {
            throw new IllegalArgumentException("an AEAD protection is not the plaintext epoch");
        }
        boolean chacha = aead.algorithm() == AeadAlgorithm.CHACHA20_POLY1305;
        int expectedIvLength = chacha ? aead.algorithm().nonceLength() : GCM_SALT_LENGTH;
        if (fixedIv.length != expectedIvLength) {
            throw new IllegalArgumentException(aead.algorithm() + " in TLS 1.2 needs a " + expectedIvLength + "-byte IV");
        }
        this.epoch = epoch;
        this.aead = aead;
        this.fixedIv = fixedIv.clone();
        this.nonce = new byte[aead.algorithm().nonceLength()];
        this.explicitNonceLength = chacha ? 0 : GCM_EXPLICIT_NONCE_LENGTH;
        this.sequence = sequence;
    }

    /** RFC 5288 §3: salt || nonce_explicit. */
    public static byte[] gcmNonce(byte[] salt, byte[] explicitNonce, int explicitOffset) {
        byte[] nonce = new byte[GCM_SALT_LENGTH + GCM_EXPLICIT_NONCE_LENGTH];
        System.arraycopy(salt, 0, nonce, 0, GCM_SALT_LENGTH);
        System.arraycopy(explicitNonce, explicitOffset, nonce, GCM_SALT_LENGTH, GCM_EXPLICIT_NONCE_LENGTH);
        return nonce;
    }

    /** RFC 5246 §6.2.3.3: seq_num || type || version || length, 13 bytes. */
    public static byte[] additionalData(long sequenceNumber, ContentType type, VersionCode version, int length) {
        byte[] additionalData = new byte[13];
        AeadSupport.writeUint64(additionalData, 0, sequenceNumber);
        RecordHeader.write(additionalData, 8, type, version, length);
        return additionalData;
    }

    @Override
    public Epoch epoch() {
        return epoch;
    }

    /** RFC 5246 §6.1: once a cipher is active, every record of every type is protected. */
    @Override
    public OuterTypeHandling handling(ContentType outerType) {
        return OuterTypeHandling.DEPROTECT;
    }

    @Override
    public int maxBodyLength() {
        return RecordLimits.TLS12_MAX_CIPHERTEXT_LENGTH;
    }

    @Override
    public int maxPlaintextLength() {
        return RecordLimits.MAX_PLAINTEXT_LENGTH;
    }

    @Override
    public int innerOverhead() {
        return 0;
    }

    @Override
    public boolean subjectToRecordSizeLimit() {
        return true;
    }

    @Override
    public int sealedLength(int length, int paddingLength) {
        if (paddingLength != 0) {
            throw new IllegalArgumentException("TLS 1.2 records carry no TLS 1.3 padding");
        }
        if (length > RecordLimits.MAX_PLAINTEXT_LENGTH) {
            throw new IllegalArgumentException("TLSPlaintext of " + length + " bytes exceeds 2^14");
        }
        return RecordLimits.HEADER_LENGTH + explicitNonceLength + length + aead.algorithm().tagLength();
    }

    @Override
    public int seal(ContentType type, VersionCode version, byte[] content, int offset, int length, int paddingLength,
            byte[] out, int outOffset) {
        int recordLength = sealedLength(length, paddingLength);
        long sequenceNumber = sequence.current();
        RecordHeader.write(out, outOffset, type, version, recordLength - RecordLimits.HEADER_LENGTH);
        if (explicitNonceLength == 0) {
            AeadSupport.xorNonce(fixedIv, sequenceNumber, nonce);
        } else {
            AeadSupport.writeUint64(out, outOffset + RecordLimits.HEADER_LENGTH, sequenceNumber);
            gcmNonce(fixedIv, out, outOffset + RecordLimits.HEADER_LENGTH, nonce);
        }
        writeAdditionalData(sequenceNumber, type, version, length);
        aead.seal(nonce, additionalData, content, offset, length,
                out, outOffset + RecordLimits.HEADER_LENGTH + explicitNonceLength);
        sequence.advance();
        return recordLength;
    }

    @Override
    public OpenedRecord open(byte[] header, byte[] buffer, int offset, int length) {
        return open(header, buffer, offset, length, buffer, offset + explicitNonceLength);
    }

    @Override
    public OpenedRecord open(byte[] header, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        int contentLength = length - explicitNonceLength - aead.algorithm().tagLength();
        if (contentLength < 0) {
            throw TlsException.fatal(Reason.BAD_RECORD_MAC, "GenericAEADCipher shorter than nonce_explicit and tag");
        }
        long sequenceNumber = sequence.current();
        if (explicitNonceLength == 0) {
            AeadSupport.xorNonce(fixedIv, sequenceNumber, nonce);
        } else {
            gcmNonce(fixedIv, in, inOffset, nonce);
        }
        ContentType type = RecordHeader.type(header);
        writeAdditionalData(sequenceNumber, type, RecordHeader.version(header), contentLength);
        aead.open(nonce, additionalData, in, inOffset + explicitNonceLength, length - explicitNonceLength, out, outOffset);
        sequence.advance();
        return new OpenedRecord(type, out, outOffset, contentLength, contentLength);
    }

    private static void gcmNonce(byte[] salt, byte[] explicitNonce, int explicitOffset, byte[] nonce) {
        System.arraycopy(salt, 0, nonce, 0, GCM_SALT_LENGTH);
        System.arraycopy(explicitNonce, explicitOffset, nonce, GCM_SALT_LENGTH, GCM_EXPLICIT_NONCE_LENGTH);
    }

    private void writeAdditionalData(long sequenceNumber, ContentType type, VersionCode version, int length) {
        AeadSupport.writeUint64(additionalData, 0, sequenceNumber);
        RecordHeader.write(additionalData, 8, type, version, length);
    }

    @Override
    public boolean shouldRekey() {
        return sequence.shouldRekey();
    }

    @Override
    public void destroy() {
        AeadSupport.destroy(aead, fixedIv, nonce);
    }

    @Override
    public String toString() {
        return "Tls12AeadProtection[" + epoch + ", " + aead.algorithm() + "]";
    }
}
