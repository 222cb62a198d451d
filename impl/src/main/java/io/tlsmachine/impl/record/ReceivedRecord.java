package io.tlsmachine.impl.record;

import io.tlsmachine.impl.codec.types.ContentType;
import java.util.Objects;

/**
 * One record as the reader delivers it: its real content type (for TLS 1.3 the inner type), the
 * epoch it arrived under, and its content without header, nonce, tag, type byte or padding.
 *
 * <p>The fragment array belongs to the receiver; {@link #toString()} shows its length only
 * (application data must not reach logs).
 */
public record ReceivedRecord(ContentType type, RecordEpoch epoch, byte[] fragment) {
    public ReceivedRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(fragment, "fragment");
    }

    public int length() {
        return fragment.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceivedRecord that
                && type.equals(that.type)
                && epoch == that.epoch
                && java.util.Arrays.equals(fragment, that.fragment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, epoch, java.util.Arrays.hashCode(fragment));
    }

    @Override
    public String toString() {
        return "ReceivedRecord[" + type + ", " + epoch + ", " + fragment.length + " bytes]";
    }
}
