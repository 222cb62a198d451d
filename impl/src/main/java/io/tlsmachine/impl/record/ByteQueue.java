package io.tlsmachine.impl.record;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A first-in first-out queue of bytes over one growable array, for the bytes an engine holds between calls
 * (records to send, application data received); records are sealed and opened straight into its free space.
 *
 * <p>The array is allocated on first use and kept while data flows; {@link #releaseIfEmpty()} drops it, so an idle
 * connection holds no buffer. Not thread-safe. {@link #toString()} shows sizes only.
 */
public final class ByteQueue {
    private static final byte[] EMPTY = new byte[0];

    private byte[] buffer = EMPTY;
    private int start;
    private int end;

    /** The number of queued bytes. */
    public int size() {
        return end - start;
    }

    public boolean isEmpty() {
        return end == start;
    }

    /**
     * Makes room for {@code length} more bytes and returns the array to write them into, at {@link #writeOffset()};
     * {@link #commit} then adds them to the queue. The array changes only in this method.
     */
    public byte[] reserve(int length) {
        if (buffer.length - end >= length) {
            return buffer;
        }
        int size = size();
        if (buffer.length - size >= length && start > 0) {
            System.arraycopy(buffer, start, buffer, 0, size);
        } else {
            byte[] grown = new byte[Math.max(size + length, Math.min(2 * buffer.length, size + length + (1 << 15)))];
            System.arraycopy(buffer, start, grown, 0, size);
            buffer = grown;
        }
        start = 0;
        end = size;
        return buffer;
    }

    /** Where the next reserved bytes go in the array {@link #reserve} returned. */
    public int writeOffset() {
        return end;
    }

    /** Adds {@code length} bytes written at {@link #writeOffset()} to the queue. */
    public void commit(int length) {
        if (length < 0 || end + length > buffer.length) {
            throw new IllegalArgumentException("commit of " + length + " bytes exceeds the reserved space");
        }
        end += length;
    }

    /** Appends {@code bytes[offset, offset+length)}. */
    public void write(byte[] bytes, int offset, int length) {
        byte[] target = reserve(length);
        System.arraycopy(bytes, offset, target, end, length);
        end += length;
    }

    /**
     * Appends {@code bytes[offset, offset+length)}; when that is exactly this queue's free space at
     * {@link #writeOffset()} (a record opened into it), it only commits the bytes.
     */
    public void append(byte[] bytes, int offset, int length) {
        if (bytes == buffer && offset == end && length <= buffer.length - end) {
            end += length;
        } else {
            write(bytes, offset, length);
        }
    }

    /** Appends the content of {@code record}. */
    public void append(ReceivedRecord record) {
        record.copyTo(this);
    }

    /** Appends all of {@code bytes}. */
    public void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    /** Removes and returns every queued byte (possibly none). */
    public byte[] take() {
        if (isEmpty()) {
            return EMPTY;
        }
        byte[] taken = Arrays.copyOfRange(buffer, start, end);
        start = 0;
        end = 0;
        return taken;
    }

    /** Moves as many queued bytes as fit into {@code dst} and returns how many. */
    public int takeInto(ByteBuffer dst) {
        int count = Math.min(size(), dst.remaining());
        dst.put(buffer, start, count);
        start += count;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return count;
    }

    /**
     * Lends the queued bytes to {@code sink} as one buffer over this queue's array (nothing is copied; the buffer is
     * valid only during the call) and removes what the sink consumed, i.e. advanced the buffer's position over;
     * returns how many bytes that was.
     */
    public int takeWith(Consumer<ByteBuffer> sink) {
        ByteBuffer view = ByteBuffer.wrap(buffer, start, size());
        sink.accept(view);
        int count = view.position() - start;
        if (count < 0 || count > size()) {
            throw new IllegalStateException("the sink moved the buffer's position outside the lent bytes");
        }
        start += count;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return count;
    }

    /** Drops the array when nothing is queued, so an idle owner holds no buffer. */
    public void releaseIfEmpty() {
        if (isEmpty()) {
            buffer = EMPTY;
            start = 0;
            end = 0;
        }
    }

    /** Overwrites the queued bytes with zeros and empties the queue. */
    public void wipe() {
        Arrays.fill(buffer, (byte) 0);
        start = 0;
        end = 0;
    }

    @Override
    public String toString() {
        return "ByteQueue[" + size() + " of " + buffer.length + " bytes]";
    }
}
