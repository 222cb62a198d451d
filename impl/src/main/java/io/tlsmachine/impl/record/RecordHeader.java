package io.tlsmachine.impl.record;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;

/**
 * Reads and writes the five-byte record header (RFC 8446 §5.1, RFC 5246 §6.2.1).
 *
 * <pre>
 * struct {
 *     ContentType type;
 *     ProtocolVersion legacy_record_version;
 *     uint16 length;
 *     opaque fragment[TLSPlaintext.length];
 * } TLSPlaintext;
 * </pre>
 */
final class RecordHeader {
    private RecordHeader() {
    }

    /** Writes the header of a record with {@code length} body bytes at {@code out[offset]}. */
    static void write(byte[] out, int offset, ContentType type, VersionCode version, int length) {
        out[offset] = (byte) type.code();
        out[offset + 1] = (byte) (version.code() >>> 8);
        out[offset + 2] = (byte) version.code();
        out[offset + 3] = (byte) (length >>> 8);
        out[offset + 4] = (byte) length;
    }

    static ContentType type(byte[] header) {
        return new ContentType(header[0] & 0xFF);
    }

    static VersionCode version(byte[] header) {
        return new VersionCode(((header[1] & 0xFF) << 8) | (header[2] & 0xFF));
    }

    static int length(byte[] header) {
        return ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
    }
}
