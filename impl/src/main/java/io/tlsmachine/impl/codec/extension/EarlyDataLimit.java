package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * The early_data extension of NewSessionTicket: how much 0-RTT data the ticket allows.
 *
 * <pre>
 * // RFC 8446 §4.2.10
 * struct { select (Handshake.msg_type) { case new_session_ticket: uint32 max_early_data_size; ... }; } EarlyDataIndication;
 * </pre>
 */
public record EarlyDataLimit(long maxEarlyDataSize) implements Extension {
    public EarlyDataLimit {
        if (maxEarlyDataSize < 0 || maxEarlyDataSize > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("max_early_data_size out of range: " + maxEarlyDataSize);
        }
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EARLY_DATA;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.u32(maxEarlyDataSize);
    }

    /** Reads the extension_data. */
    public static EarlyDataLimit decode(ByteReader data) {
        return new EarlyDataLimit(data.u32("early_data.max_early_data_size"));
    }
}
