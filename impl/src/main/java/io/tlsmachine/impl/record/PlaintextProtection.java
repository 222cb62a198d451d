package io.tlsmachine.impl.record;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.ProtocolVersion;

/**
 * No protection: TLSPlaintext written directly onto the wire (RFC 8446 §5.1, "When record
 * protection has not yet been engaged"; RFC 5246 §6.1, the initial null cipher).
 */
public enum PlaintextProtection implements RecordProtection {
    INSTANCE;

    @Override
    public RecordEpoch epoch() {
        return RecordEpoch.PLAINTEXT;
    }

    @Override
    public OuterTypeHandling handling(ContentType outerType) {
        return OuterTypeHandling.DEPROTECT;
    }

    @Override
    public int maxBodyLength() {
        return RecordLimits.MAX_PLAINTEXT_LENGTH;
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
        return false;
    }

    @Override
    public byte[] seal(ContentType type, ProtocolVersion version, byte[] content, int offset, int length, int paddingLength) {
        if (paddingLength != 0) {
            throw new IllegalArgumentException("plaintext records carry no padding");
        }
        byte[] record = new byte[RecordLimits.HEADER_LENGTH + length];
        RecordHeader.write(record, 0, type, version, length);
        System.arraycopy(content, offset, record, RecordLimits.HEADER_LENGTH, length);
        return record;
    }

    @Override
    public OpenedRecord open(byte[] header, byte[] body) {
        return new OpenedRecord(RecordHeader.type(header), body, body.length);
    }

    @Override
    public boolean shouldRekey() {
        return false;
    }

    @Override
    public void destroy() {
        // Nothing to wipe.
    }
}
