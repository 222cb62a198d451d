package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.codec.types.ContentType;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record as the reader delivers it: its real content type (for TLS 1.3 the inner type), the epoch it arrived
 * under, and its content without header, nonce, tag, type byte or padding.
 *
 * <p>Application data from {@link RecordReader} is a view of the reader's reusable body buffer, valid until the next
 * {@link RecordReader#read}: take it with {@link #copyTo} right away (when it was opened into the queue's free
 * space, that copies nothing). {@link #fragment()} returns the content as an
 * array of its own, which then belongs to the receiver. {@link #toString()} shows the length only (application data
 * must not reach logs).
 */
public final class ReceivedRecord {
    private final ContentType type;
    private final Epoch epoch;
    private final byte[] buffer;
    private final int offset;
    private final int length;

    /** A record whose content is all of {@code fragment} (which it keeps). */
    public ReceivedRecord(ContentType type, Epoch epoch, byte[] fragment) {
        this(type, epoch, Objects.requireNonNull(fragment, "fragment"), 0, fragment.length);
    }

    /** A record whose content is {@code buffer[offset, offset+length)} (a view: nothing is copied). */
    ReceivedRecord(ContentType type, Epoch epoch, byte[] buffer, int offset, int length) {
        this.type = Objects.requireNonNull(type, "type");
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.buffer = Objects.requireNonNull(buffer, "buffer");
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.offset = offset;
        this.length = length;
    }

    public ContentType type() {
        return type;
    }

    public Epoch epoch() {
        return epoch;
    }

    /** Returns the content as an array of its own (no copy when the record owns exactly its content). */
    public byte[] fragment() {
        return offset == 0 && length == buffer.length ? buffer : Arrays.copyOfRange(buffer, offset, offset + length);
    }

    public int length() {
        return length;
    }

    /** Appends the content to {@code out} (see {@link ByteQueue#append}). */
    public void copyTo(ByteQueue out) {
        out.append(buffer, offset, length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceivedRecord that
                && type.equals(that.type)
                && epoch == that.epoch
                && Arrays.equals(buffer, offset, offset + length, that.buffer, that.offset, that.offset + that.length);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, epoch, Arrays.hashCode(fragment()));
    }

    @Override
    public String toString() {
        return "ReceivedRecord[" + type + ", " + epoch + ", " + length + " bytes]";
    }
}
