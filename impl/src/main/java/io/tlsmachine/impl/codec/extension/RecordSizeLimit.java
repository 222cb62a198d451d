package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.Reason;

/**
 * The record_size_limit extension: the largest record plaintext the sender is willing to receive.
 *
 * <pre>
 * // RFC 8449 §4
 * uint16 RecordSizeLimit;
 * </pre>
 *
 * <p>RFC 8449 §4: a value below 64 is a fatal illegal_parameter; the decoder rejects it.
 */
public record RecordSizeLimit(int limit) implements Extension {
    /** RFC 8449 §4: the smallest value that may be sent. */
    public static final int MINIMUM = 64;

    public RecordSizeLimit {
        if (limit < MINIMUM || limit > 0xFFFF) {
            throw new IllegalArgumentException("record_size_limit out of range: " + limit);
        }
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.RECORD_SIZE_LIMIT;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.u16(limit);
    }

    /** Reads the extension_data. */
    public static RecordSizeLimit decode(ByteReader data) {
        int limit = data.u16("record_size_limit");
        if (limit < MINIMUM) {
            throw data.failure(Reason.ILLEGAL_PARAMETER, "record_size_limit " + limit + " below 64");
        }
        return new RecordSizeLimit(limit);
    }
}
