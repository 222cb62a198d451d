package io.tlsmachine.impl.codec;

import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes TLS presentation-language values into a growing buffer; length prefixes measure themselves.
 *
 * <p>{@code writer.prefixed16(w -> ...)} reserves the prefix, runs the body and fills in the length
 * it wrote: lengths are never computed by hand. A body longer than the prefix can hold, or outside
 * a stated {@code [min, max]}, fails with {@link Reason#INTERNAL_ERROR} (we never send what we
 * would reject).
 */
public final class ByteWriter {
    private byte[] buffer;
    private int size;

    /** Returns an empty writer. */
    public ByteWriter() {
        this(64);
    }

    /** Returns an empty writer with room for {@code capacity} bytes before it grows. */
    public ByteWriter(int capacity) {
        this.buffer = new byte[Math.max(capacity, 16)];
    }

    /** Returns how many bytes have been written. */
    public int size() {
        return size;
    }

    /** Returns a copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** Writes an unsigned 8-bit integer. */
    public ByteWriter u8(int value) {
        checkRange("u8", value, 0xFF);
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Writes an unsigned 16-bit big-endian integer. */
    public ByteWriter u16(int value) {
        checkRange("u16", value, 0xFFFF);
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Writes an unsigned 24-bit big-endian integer. */
    public ByteWriter u24(int value) {
        checkRange("u24", value, 0xFFFFFF);
        ensure(3);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Writes an unsigned 32-bit big-endian integer. */
    public ByteWriter u32(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("u32 out of range: " + value);
        }
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** Writes a 64-bit big-endian integer (the bits of {@code value}, read as unsigned). */
    public ByteWriter u64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** Writes the bytes as they are (no prefix). */
    public ByteWriter bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
        return this;
    }

    /** Writes the bytes as they are (no prefix). */
    public ByteWriter bytes(Opaque value) {
        value.writeTo(this);
        return this;
    }

    /** Writes {@code opaque x<min..max>} with a 1-byte length prefix. */
    public ByteWriter opaque8(String what, int min, int max, Opaque value) {
        return prefixed8(what, min, max, w -> value.writeTo(w));
    }

    /** Writes {@code opaque x<min..max>} with a 2-byte length prefix. */
    public ByteWriter opaque16(String what, int min, int max, Opaque value) {
        return prefixed16(what, min, max, w -> value.writeTo(w));
    }

    /** Writes {@code opaque x<min..max>} with a 3-byte length prefix. */
    public ByteWriter opaque24(String what, int min, int max, Opaque value) {
        return prefixed24(what, min, max, w -> value.writeTo(w));
    }

    /** Writes {@code opaque x<0..255>}: a 1-byte length, then the bytes. */
    public ByteWriter opaque8(byte[] value) {
        return prefixed8(w -> w.bytes(value));
    }

    /** Writes {@code opaque x<0..2^16-1>}: a 2-byte length, then the bytes. */
    public ByteWriter opaque16(byte[] value) {
        return prefixed16(w -> w.bytes(value));
    }

    /** Writes {@code opaque x<0..2^24-1>}: a 3-byte length, then the bytes. */
    public ByteWriter opaque24(byte[] value) {
        return prefixed24(w -> w.bytes(value));
    }

    /** Writes a block with a 1-byte length prefix filled in after the body runs. */
    public ByteWriter prefixed8(Consumer<ByteWriter> body) {
        return prefixed(1, "vector<0..255>", 0, 0xFF, body);
    }

    /** Writes a block with a 2-byte length prefix filled in after the body runs. */
    public ByteWriter prefixed16(Consumer<ByteWriter> body) {
        return prefixed(2, "vector<0..2^16-1>", 0, 0xFFFF, body);
    }

    /** Writes a block with a 3-byte length prefix filled in after the body runs. */
    public ByteWriter prefixed24(Consumer<ByteWriter> body) {
        return prefixed(3, "vector<0..2^24-1>", 0, 0xFFFFFF, body);
    }

    /** Writes a 1-byte-prefixed block whose length must lie in {@code [min, max]}. */
    public ByteWriter prefixed8(String what, int min, int max, Consumer<ByteWriter> body) {
        return prefixed(1, what, min, Math.min(max, 0xFF), body);
    }

    /** Writes a 2-byte-prefixed block whose length must lie in {@code [min, max]}. */
    public ByteWriter prefixed16(String what, int min, int max, Consumer<ByteWriter> body) {
        return prefixed(2, what, min, Math.min(max, 0xFFFF), body);
    }

    /** Writes a 3-byte-prefixed block whose length must lie in {@code [min, max]}. */
    public ByteWriter prefixed24(String what, int min, int max, Consumer<ByteWriter> body) {
        return prefixed(3, what, min, Math.min(max, 0xFFFFFF), body);
    }

    /** Writes the elements as a vector with a 1-byte length prefix whose length must lie in {@code [min, max]}. */
    public <T> ByteWriter list8(String what, int min, int max, List<T> elements, BiConsumer<ByteWriter, T> element) {
        return prefixed8(what, min, max, w -> elements.forEach(e -> element.accept(w, e)));
    }

    /** Writes the elements as a vector with a 2-byte length prefix whose length must lie in {@code [min, max]}. */
    public <T> ByteWriter list16(String what, int min, int max, List<T> elements, BiConsumer<ByteWriter, T> element) {
        return prefixed16(what, min, max, w -> elements.forEach(e -> element.accept(w, e)));
    }

    /** Writes the elements as a vector with a 3-byte length prefix whose length must lie in {@code [min, max]}. */
    public <T> ByteWriter list24(String what, int min, int max, List<T> elements, BiConsumer<ByteWriter, T> element) {
        return prefixed24(what, min, max, w -> elements.forEach(e -> element.accept(w, e)));
    }

    private ByteWriter prefixed(int prefixBytes, String what, int min, int max, Consumer<ByteWriter> body) {
        ensure(prefixBytes);
        int prefixAt = size;
        size += prefixBytes;
        body.accept(this);
        int length = size - prefixAt - prefixBytes;
        if (length < min || length > max) {
            size = prefixAt;
            throw TlsException.fatal(Reason.INTERNAL_ERROR,
                    "cannot encode " + what + ": length " + length + " not in [" + min + ".." + max + "]");
        }
        for (int i = 0; i < prefixBytes; i++) {
            buffer[prefixAt + i] = (byte) (length >>> (8 * (prefixBytes - 1 - i)));
        }
        return this;
    }

    private static void checkRange(String kind, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(kind + " out of range: " + value);
        }
    }

    private void ensure(int more) {
        int needed = size + more;
        if (needed < 0) {
            throw TlsException.fatal(Reason.INTERNAL_ERROR, "encoding larger than 2 GiB");
        }
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }
}
