package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.TlsException;

/**
 * The protection of one direction under one key: plaintext, TLS 1.3 AEAD (RFC 8446 §5.2) or
 * TLS 1.2 AEAD (RFC 5246 §6.2.3.3, RFC 5288, RFC 7905).
 *
 * <p>An instance owns its sequence number, so a new key is a new instance and its numbers start at
 * zero (RFC 8446 §5.3). Instances are used by one reader or one writer and are not thread-safe.
 */
public sealed interface RecordProtection permits PlaintextProtection, Tls13AeadProtection, Tls12AeadProtection {

    /** How a record with a given outer content type is read under a protection. */
    enum OuterTypeHandling {
        /** Deprotect the body with {@link #open}. */
        DEPROTECT,
        /** Deliver the body as it is, as a record of epoch {@link Epoch#PLAINTEXT}. */
        PASS_THROUGH_UNPROTECTED,
        /** Fail with unexpected_message. */
        REJECT
    }

    /** Which key this is. */
    Epoch epoch();

    /** Returns how a record of this (known) outer type is read. */
    OuterTypeHandling handling(ContentType outerType);

    /** The largest record body (TLSPlaintext/TLSCiphertext.length) the RFC allows under this protection. */
    int maxBodyLength();

    /**
     * The protocol's largest plaintext per record as record size limits count it: 2^14, or 2^14 + 1
     * for a TLS 1.3 TLSInnerPlaintext (RFC 8446 §5.4).
     */
    int maxPlaintextLength();

    /** Bytes of the plaintext that are not content: 1 (the inner content type) for TLS 1.3, else 0. */
    int innerOverhead();

    /**
     * Whether the record_size_limit extension applies (RFC 8449 §4: "Unprotected messages ... are
     * not subject to this limit").
     */
    boolean subjectToRecordSizeLimit();

    /**
     * Protects {@code content[offset, offset+length)} as one record of type {@code type} and returns
     * the complete record, header included.
     *
     * @param version the legacy_record_version to write where the protection does not fix it
     * @param paddingLength zero bytes to add to a TLS 1.3 inner plaintext; must be 0 otherwise
     * @throws TlsException SEQUENCE_NUMBER_EXHAUSTED when the sequence number would wrap
     */
    default byte[] seal(ContentType type, VersionCode version, byte[] content, int offset, int length, int paddingLength) {
        byte[] record = new byte[sealedLength(length, paddingLength)];
        seal(type, version, content, offset, length, paddingLength, record, 0);
        return record;
    }

    /**
     * The length of the record, header included, that {@link #seal} writes for {@code length} content bytes and
     * {@code paddingLength} padding bytes.
     *
     * @throws IllegalArgumentException when the content and padding exceed what one record holds
     */
    int sealedLength(int length, int paddingLength);

    /**
     * Protects {@code content[offset, offset+length)} as one record of type {@code type}, writing the complete record
     * (header included, {@link #sealedLength} bytes) to {@code out} at {@code outOffset}, with no intermediate copy;
     * returns the number of bytes written. {@code out} must not overlap the content.
     */
    int seal(ContentType type, VersionCode version, byte[] content, int offset, int length, int paddingLength,
            byte[] out, int outOffset);

    /**
     * Deprotects a record body; on success the sequence number advances, on failure it does not.
     *
     * @param header the five header bytes as received (the TLS 1.3 additional data)
     * @throws TlsException BAD_RECORD_MAC when authentication fails, UNEXPECTED_MESSAGE for an
     *     all-zero TLS 1.3 inner plaintext
     */
    default OpenedRecord open(byte[] header, byte[] body) {
        return open(header, body, 0, body.length);
    }

    /**
     * Deprotects the record body {@code buffer[offset, offset+length)} in place: the content it returns is a range of
     * {@code buffer}. On failure the sequence number does not advance and the body's bytes are unspecified.
     *
     * @param header the five header bytes as received (the TLS 1.3 additional data)
     * @throws TlsException as {@link #open(byte[], byte[])}
     */
    OpenedRecord open(byte[] header, byte[] buffer, int offset, int length);

    /**
     * Deprotects the record body {@code in[inOffset, inOffset+length)} into {@code out}, the content starting at
     * {@code out[outOffset]} (room for {@code length} bytes is enough), which must not overlap the body; {@code in}
     * is not changed. Otherwise as {@link #open(byte[], byte[], int, int)}.
     */
    OpenedRecord open(byte[] header, byte[] in, int inOffset, int length, byte[] out, int outOffset);

    /** Whether enough records were protected under this key that a TLS 1.3 KeyUpdate is due (RFC 8446 §5.5). */
    boolean shouldRekey();

    /** Wipes the key; the protection must not be used afterwards. */
    void destroy();
}
