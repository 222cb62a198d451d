package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;

/**
 * No protection: TLSPlaintext written directly onto the wire (RFC 8446 §5.1, "When record
 * protection has not yet been engaged"; RFC 5246 §6.1, the initial null cipher).
 */
public enum PlaintextProtection implements RecordProtection {
    INSTANCE;

    @Override
    public Epoch epoch() {
        return Epoch.PLAINTEXT;
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
    public int sealedLength(int length, int paddingLength) {
        if (paddingLength != 0) {
            throw new IllegalArgumentException("plaintext records carry no padding");
        }
        return RecordLimits.HEADER_LENGTH + length;
    }

    @Override
    public int seal(ContentType type, VersionCode version, byte[] content, int offset, int length, int paddingLength,
            byte[] out, int outOffset) {
        int recordLength = sealedLength(length, paddingLength);
        RecordHeader.write(out, outOffset, type, version, length);
        System.arraycopy(content, offset, out, outOffset + RecordLimits.HEADER_LENGTH, length);
        return recordLength;
    }

    @Override
    public OpenedRecord open(byte[] header, byte[] buffer, int offset, int length) {
        return new OpenedRecord(RecordHeader.type(header), buffer, offset, length, length);
    }

    @Override
    public OpenedRecord open(byte[] header, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        System.arraycopy(in, inOffset, out, outOffset, length);
        return new OpenedRecord(RecordHeader.type(header), out, outOffset, length, length);
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
