package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Frames records out of an arbitrary byte stream and deprotects them with the current read
 * protection (sans-IO: bytes in, {@link ReceivedRecord}s out).
 *
 * <p>{@link #read} consumes bytes only up to the end of the next record, so a caller passes whatever
 * it received and loops until it gets {@code null}; between two records the engine may change the
 * read key with {@link #setProtection}. Headers and bodies may arrive in any number of pieces; the
 * reader holds at most one header and one record body, and allocates the body only after the header
 * passed every check.
 *
 * <p>What the header must satisfy:
 * <ul>
 *   <li>type is change_cipher_spec, alert, handshake or application_data; anything else (heartbeat
 *       too, which we never negotiate) is {@link Reason#UNKNOWN_CONTENT_TYPE} (RFC 8446 §5: "If a
 *       TLS implementation receives an unexpected record type, it MUST terminate the connection with
 *       an unexpected_message alert").
 *   <li>legacy_record_version has major version 3 ({0x03, xx}: RFC 5246 Appendix E.1 lets a server
 *       accept any {03,XX} on the first ClientHello record); any other value is not TLS and fails
 *       with {@link Reason#PROTOCOL_VERSION_UNSUPPORTED}. The minor version is otherwise ignored, as
 *       RFC 8446 §5.1 requires ("MUST be ignored for all purposes"), unless the engine
 *       {@link #pinRecordVersion pins} it: after a TLS 1.2 ServerHello every record carries the
 *       negotiated version (RFC 5246 §6.2.1, "version: The version of the protocol being
 *       employed"), and a different one fails with PROTOCOL_VERSION_UNSUPPORTED, as in Go and
 *       OpenSSL.
 *   <li>length is at most 2^14 for plaintext (RFC 8446 §5.1, RFC 5246 §6.2.1), 2^14 + 256 for a
 *       TLS 1.3 TLSCiphertext (RFC 8446 §5.2), 2^14 + 2048 for a TLS 1.2 TLSCiphertext (RFC 5246
 *       §6.2.3); more is {@link Reason#RECORD_OVERFLOW}.
 * </ul>
 *
 * <p>After deprotection a plaintext of more than 2^14 bytes (TLS 1.3: a TLSInnerPlaintext of more
 * than 2^14 + 1 bytes, RFC 8446 §5.4), or more than the record_size_limit we advertised (RFC 8449
 * §4; for TLS 1.3 it counts the content type and padding, RFC 8446 §5.4), is RECORD_OVERFLOW. A
 * TLS 1.3 protected change_cipher_spec is UNEXPECTED_MESSAGE (RFC 8446 §5).
 *
 * <p>A reader that threw a {@link TlsException} stays failed.
 */
public final class RecordReader {
    /**
     * Per skipped 0-RTT record, the bytes of TLSCiphertext that are not early data: the AEAD tag
     * (16 for every TLS 1.3 suite we implement) and the inner content type, as OpenSSL allows.
     */
    static final int EARLY_DATA_RECORD_OVERHEAD = 16 + 1;

    private enum EarlyDataSkipping {
        NONE,
        /** RFC 8446 §4.2.10, after a HelloRetryRequest: skip records of outer type application_data. */
        APPLICATION_DATA_RECORDS,
        /** RFC 8446 §4.2.10, 1-RTT with early data rejected: skip records that fail to deprotect. */
        UNDECRYPTABLE_RECORDS
    }

    private final byte[] header = new byte[RecordLimits.HEADER_LENGTH];
    private int headerFilled;
    /** The body being filled; kept for the next record after application data, so bulk reads allocate nothing. */
    private byte[] body;
    /** The length of the record whose header passed the checks, or -1 while a header is awaited. */
    private int bodyLength = -1;
    private int bodyFilled;

    private RecordProtection protection = PlaintextProtection.INSTANCE;
    private int recordSizeLimit = RecordLimits.TLS13_MAX_INNER_PLAINTEXT_LENGTH;
    private VersionCode pinnedVersion;
    private EarlyDataSkipping skipping = EarlyDataSkipping.NONE;
    private long earlyDataBudget;
    private boolean failed;
    /** Where application data is opened to, when the owner takes it at once (see deliverApplicationDataInto). */
    private ByteQueue applicationTarget;

    /**
     * Reads from {@code in} until one record is complete and returns it, or returns {@code null}
     * when {@code in} ran out first (the bytes so far are kept). Bytes after the record stay in
     * {@code in}.
     *
     * @throws TlsException on any framing, limit or deprotection failure
     */
    public ReceivedRecord read(ByteBuffer in) {
        if (failed) {
            throw new IllegalStateException("record reader used after a fatal error");
        }
        try {
            while (true) {
                ReceivedRecord record;
                if (opensFromInput(in)) {
                    record = openFromInput(in);
                } else if (fill(in)) {
                    int completeLength = bodyLength;
                    bodyLength = -1;
                    headerFilled = 0;
                    record = process(completeLength);
                } else {
                    return null;
                }
                if (record != null) {
                    return record;
                }
            }
        } catch (TlsException e) {
            failed = true;
            throw e;
        }
    }

    /**
     * Switches to a new read key (its sequence numbers start at zero) and wipes the previous one.
     * Ends any skipping of rejected early data.
     */
    public void setProtection(RecordProtection next) {
        if (next != protection) {
            protection.destroy();
        }
        protection = next;
        skipping = EarlyDataSkipping.NONE;
    }

    /**
     * From now on application data records are views, valid until the next {@link #read}, that the caller appends to
     * {@code target} at once ({@link ByteQueue#append(ReceivedRecord)}): under application keys a record that is
     * complete in the input buffer is opened straight from it into {@code target}'s free space (appending it then
     * copies nothing), any other is opened in place in the reader's body buffer, which is then kept for the next
     * record. Bulk reads thus allocate nothing. Off by default (every record owns its content); the engine, which
     * takes application data at once, turns it on.
     */
    public void deliverApplicationDataInto(ByteQueue target) {
        applicationTarget = target;
    }

    /** The epoch of the current read key. */
    public Epoch epoch() {
        return protection.epoch();
    }

    /**
     * Sets the record_size_limit we advertised (RFC 8449 §4): protected records whose plaintext
     * (TLS 1.3: the whole TLSInnerPlaintext) is longer fail with RECORD_OVERFLOW. Values above the
     * protocol's maximum mean the maximum.
     */
    public void setRecordSizeLimit(int limit) {
        if (limit < RecordLimits.MIN_RECORD_SIZE_LIMIT) {
            throw new IllegalArgumentException("record_size_limit below 64: " + limit);
        }
        recordSizeLimit = limit;
    }

    /** From now on every record must carry exactly this legacy_record_version (TLS 1.2 after ServerHello). */
    public void pinRecordVersion(VersionCode version) {
        pinnedVersion = version;
    }

    /**
     * RFC 8446 §4.2.10: the server rejected the client's early data, so it skips the 0-RTT records
     * still on their way, at most {@code maxEarlyDataSize} bytes of early data in total (more is
     * {@link Reason#TOO_MUCH_EARLY_DATA}).
     *
     * <p>Under the plaintext epoch (the server sent a HelloRetryRequest) it skips every record of
     * outer type application_data until the next {@link #setProtection}. Under the handshake key it
     * skips records that fail to deprotect, until the first one that succeeds: "Once a record is
     * deprotected successfully, it is treated as the start of the client's second flight".
     */
    public void skipRejectedEarlyData(long maxEarlyDataSize) {
        if (maxEarlyDataSize < 0) {
            throw new IllegalArgumentException("negative max_early_data_size");
        }
        skipping = protection.epoch() == Epoch.PLAINTEXT
                ? EarlyDataSkipping.APPLICATION_DATA_RECORDS
                : EarlyDataSkipping.UNDECRYPTABLE_RECORDS;
        earlyDataBudget = maxEarlyDataSize;
    }

    /** Whether rejected early data is still being skipped. */
    public boolean isSkippingEarlyData() {
        return skipping != EarlyDataSkipping.NONE;
    }

    /** Stops skipping early data (e.g. once the second ClientHello arrived). */
    public void stopSkippingEarlyData() {
        skipping = EarlyDataSkipping.NONE;
    }

    /** Whether part of a record is buffered: end of stream now means a truncated record. */
    public boolean hasPartialRecord() {
        return headerFilled > 0;
    }

    /** Whether the current read key has protected enough records that a KeyUpdate is due. */
    public boolean shouldRekey() {
        return protection.shouldRekey();
    }

    private boolean fill(ByteBuffer in) {
        while (headerFilled < RecordLimits.HEADER_LENGTH) {
            if (!in.hasRemaining()) {
                return false;
            }
            header[headerFilled++] = in.get();
        }
        if (bodyLength < 0) {
            bodyLength = checkHeader();
            bodyFilled = 0;
        }
        if (bodyFilled == 0 && (body == null || body.length < bodyLength)) {
            body = new byte[bodyLength];
        }
        int count = Math.min(in.remaining(), bodyLength - bodyFilled);
        in.get(body, bodyFilled, count);
        bodyFilled += count;
        return bodyFilled == bodyLength;
    }

    /** Checks a complete header and returns the body length. */
    private int checkHeader() {
        ContentType type = RecordHeader.type(header);
        if (!isKnown(type)) {
            throw TlsException.fatal(Reason.UNKNOWN_CONTENT_TYPE, "record of content type " + type);
        }
        VersionCode version = RecordHeader.version(header);
        if (version.code() >>> 8 != 3) {
            throw TlsException.fatal(Reason.PROTOCOL_VERSION_UNSUPPORTED, "record version " + version + " is not TLS");
        }
        if (pinnedVersion != null && !version.equals(pinnedVersion)) {
            throw TlsException.fatal(Reason.PROTOCOL_VERSION_UNSUPPORTED,
                    "record version " + version + " after " + pinnedVersion + " was negotiated");
        }
        int length = RecordHeader.length(header);
        int maxLength;
        if (skipsUnprotectedApplicationData(type)) {
            maxLength = RecordLimits.TLS13_MAX_CIPHERTEXT_LENGTH;
        } else {
            maxLength = switch (protection.handling(type)) {
                case DEPROTECT -> protection.maxBodyLength();
                case PASS_THROUGH_UNPROTECTED -> RecordLimits.MAX_PLAINTEXT_LENGTH;
                case REJECT -> throw TlsException.fatal(Reason.UNEXPECTED_MESSAGE,
                        "unprotected " + type + " record under " + protection.epoch() + " protection");
            };
        }
        if (length > maxLength) {
            throw TlsException.fatal(Reason.RECORD_OVERFLOW, type + " record of " + length + " bytes exceeds " + maxLength);
        }
        return length;
    }

    /**
     * Deprotects the body in place and returns the record, or null when it was skipped early data. Application data
     * is a view of the body buffer (when {@link #deliverApplicationDataAsViews} is on), which is kept for the next
     * record; any other record gets the content as an array of its own and the buffer is dropped (an idle connection
     * holds none).
     */
    private ReceivedRecord process(int length) {
        ContentType outerType = RecordHeader.type(header);
        if (skipsUnprotectedApplicationData(outerType)) {
            chargeSkippedEarlyData(length);
            return null;
        }
        if (protection.handling(outerType) == RecordProtection.OuterTypeHandling.PASS_THROUGH_UNPROTECTED) {
            return new ReceivedRecord(outerType, Epoch.PLAINTEXT, takeBody(0, length));
        }
        OpenedRecord opened;
        if (skipping == EarlyDataSkipping.UNDECRYPTABLE_RECORDS) {
            try {
                opened = protection.open(header, body, 0, length);
            } catch (TlsException e) {
                if (e.reason() != Reason.BAD_RECORD_MAC) {
                    throw e;
                }
                chargeSkippedEarlyData(length);
                return null;
            }
            skipping = EarlyDataSkipping.NONE;
        } else {
            opened = protection.open(header, body, 0, length);
        }
        checkOpened(opened);
        if (applicationTarget != null && opened.type().equals(ContentType.APPLICATION_DATA)) {
            return new ReceivedRecord(opened.type(), protection.epoch(), body, opened.offset(), opened.length());
        }
        return new ReceivedRecord(opened.type(), protection.epoch(), takeBody(opened.offset(), opened.length()));
    }

    /**
     * Whether the next record is to be opened straight from {@code in}: its header is complete (read now, if it is
     * all in {@code in}), none of its body was buffered, all of it is in {@code in}'s array, and it is an
     * application-key record deprotected normally.
     */
    private boolean opensFromInput(ByteBuffer in) {
        if (applicationTarget == null || !in.hasArray() || protection.epoch() != Epoch.APPLICATION
                || skipping != EarlyDataSkipping.NONE) {
            return false;
        }
        if (headerFilled == 0 && in.remaining() >= RecordLimits.HEADER_LENGTH) {
            in.get(header);
            headerFilled = RecordLimits.HEADER_LENGTH;
        }
        if (headerFilled < RecordLimits.HEADER_LENGTH || bodyLength >= 0 && bodyFilled > 0) {
            return false;
        }
        if (bodyLength < 0) {
            bodyLength = checkHeader();
            bodyFilled = 0;
        }
        return in.remaining() >= bodyLength
                && protection.handling(RecordHeader.type(header)) == RecordProtection.OuterTypeHandling.DEPROTECT;
    }

    /** Opens the record whose body is at {@code in}'s position into the application data target. */
    private ReceivedRecord openFromInput(ByteBuffer in) {
        int length = bodyLength;
        byte[] target = applicationTarget.reserve(length);
        int targetOffset = applicationTarget.writeOffset();
        OpenedRecord opened = protection.open(header, in.array(), in.arrayOffset() + in.position(), length,
                target, targetOffset);
        in.position(in.position() + length);
        bodyLength = -1;
        headerFilled = 0;
        checkOpened(opened);
        if (opened.type().equals(ContentType.APPLICATION_DATA)) {
            return new ReceivedRecord(opened.type(), protection.epoch(), target, opened.offset(), opened.length());
        }
        byte[] content = Arrays.copyOfRange(target, opened.offset(), opened.offset() + opened.length());
        applicationTarget.releaseIfEmpty();
        return new ReceivedRecord(opened.type(), protection.epoch(), content);
    }

    /** Hands {@code body[offset, offset+length)} over as an array of its own and drops the body buffer. */
    private byte[] takeBody(int offset, int length) {
        byte[] taken = offset == 0 && length == body.length ? body : Arrays.copyOfRange(body, offset, offset + length);
        body = null;
        return taken;
    }

    private void checkOpened(OpenedRecord opened) {
        int limit = protection.subjectToRecordSizeLimit()
                ? Math.min(protection.maxPlaintextLength(), recordSizeLimit)
                : protection.maxPlaintextLength();
        if (opened.plaintextLength() > limit) {
            throw TlsException.fatal(Reason.RECORD_OVERFLOW,
                    "record plaintext of " + opened.plaintextLength() + " bytes exceeds " + limit);
        }
        if (protection.innerOverhead() > 0) {
            if (opened.type().equals(ContentType.CHANGE_CIPHER_SPEC)) {
                throw TlsException.fatal(Reason.UNEXPECTED_MESSAGE, "protected change_cipher_spec record");
            }
            if (!isKnown(opened.type())) {
                throw TlsException.fatal(Reason.UNKNOWN_CONTENT_TYPE, "inner content type " + opened.type());
            }
        }
    }

    private boolean skipsUnprotectedApplicationData(ContentType outerType) {
        return skipping == EarlyDataSkipping.APPLICATION_DATA_RECORDS && outerType.equals(ContentType.APPLICATION_DATA);
    }

    private void chargeSkippedEarlyData(int recordBodyLength) {
        earlyDataBudget -= Math.max(0, recordBodyLength - EARLY_DATA_RECORD_OVERHEAD);
        if (earlyDataBudget < 0) {
            throw TlsException.fatal(Reason.TOO_MUCH_EARLY_DATA, "skipped early data exceeds max_early_data_size");
        }
    }

    private static boolean isKnown(ContentType type) {
        return type.equals(ContentType.CHANGE_CIPHER_SPEC)
                || type.equals(ContentType.ALERT)
                || type.equals(ContentType.HANDSHAKE)
                || type.equals(ContentType.APPLICATION_DATA);
    }
}
