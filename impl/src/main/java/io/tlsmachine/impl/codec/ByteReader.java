package io.tlsmachine.impl.codec;

import io.tlsmachine.impl.error.DecodeException;
import io.tlsmachine.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads TLS presentation-language values from a byte array, bounds-checked, naming what it reads.
 *
 * <p>Every failure is a {@link DecodeException} carrying what was being read and the absolute offset
 * in the original buffer. Declared lengths are checked against the remaining bytes before anything
 * is allocated, so a tiny input declaring a huge vector costs nothing. Sub-readers share the
 * buffer (no copy) and report offsets in the original buffer.
 *
 * <pre>
 * // RFC 8446 §3.4: opaque label&lt;floor..ceiling&gt; is a vector with a length prefix of
 * // ceil(log256(ceiling + 1)) bytes; its length must lie within [floor, ceiling].
 * </pre>
 *
 * <p>Not thread-safe: a reader is a cursor.
 */
public final class ByteReader {
    private final byte[] buffer;
    private final int end;
    private int position;

    private ByteReader(byte[] buffer, int start, int end) {
        this.buffer = buffer;
        this.position = start;
        this.end = end;
    }

    /** Returns a reader over the whole array; the array is not copied and must not change while read. */
    public static ByteReader of(byte[] bytes) {
        return new ByteReader(bytes, 0, bytes.length);
    }

    /**
     * Returns a reader over {@code length} bytes of {@code bytes} from {@code offset}; offsets in
     * failures are those of the whole array. The array is not copied.
     */
    public static ByteReader of(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " of " + bytes.length);
        }
        return new ByteReader(bytes, offset, offset + length);
    }

    /** Returns the absolute offset of the next byte to read. */
    public int offset() {
        return position;
    }

    /** Returns how many bytes are left in this reader. */
    public int remaining() {
        return end - position;
    }

    /** Whether any byte is left. */
    public boolean hasRemaining() {
        return position < end;
    }

    /** Reads an unsigned 8-bit integer. */
    public int u8(String what) {
        need(what, 1);
        return buffer[position++] & 0xFF;
    }

    /** Reads an unsigned 16-bit big-endian integer. */
    public int u16(String what) {
        need(what, 2);
        int value = ((buffer[position] & 0xFF) << 8) | (buffer[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    /** Reads an unsigned 24-bit big-endian integer. */
    public int u24(String what) {
        need(what, 3);
        int value = ((buffer[position] & 0xFF) << 16) | ((buffer[position + 1] & 0xFF) << 8)
                | (buffer[position + 2] & 0xFF);
        position += 3;
        return value;
    }

    /** Reads an unsigned 32-bit big-endian integer. */
    public long u32(String what) {
        need(what, 4);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (buffer[position + i] & 0xFF);
        }
        position += 4;
        return value;
    }

    /** Reads a 64-bit big-endian integer; values above {@link Long#MAX_VALUE} come back negative (unsigned bits). */
    public long u64(String what) {
        need(what, 8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (buffer[position + i] & 0xFF);
        }
        position += 8;
        return value;
    }

    /** Reads exactly {@code length} bytes into a new array (e.g. {@code Random random} is 32 bytes). */
    public byte[] bytes(String what, int length) {
        need(what, length);
        byte[] value = Arrays.copyOfRange(buffer, position, position + length);
        position += length;
        return value;
    }

    /** Reads exactly {@code length} bytes as an {@link Opaque}. */
    public Opaque fixed(String what, int length) {
        return Opaque.wrap(bytes(what, length));
    }

    /**
     * Reads a body that is exactly {@code length} bytes (a Finished's verify_data, a message_hash's hash): fails with
     * {@link Reason#TRAILING_BYTES} when more follow.
     */
    public Opaque exactly(String what, int length) {
        Opaque value = fixed(what, length);
        expectEmpty(what);
        return value;
    }

    /** Reads all remaining bytes as an {@link Opaque}. */
    public Opaque restOpaque() {
        return Opaque.wrap(rest());
    }

    /** Reads all remaining bytes into a new array. */
    public byte[] rest() {
        byte[] value = Arrays.copyOfRange(buffer, position, end);
        position = end;
        return value;
    }

    /** Reads a vector with a 1-byte length prefix whose length lies in {@code [min, max]}, as a sub-reader. */
    public ByteReader sub8(String what, int min, int max) {
        int start = position;
        return sub(what, start, u8(what), min, max);
    }

    /** Reads a vector with a 2-byte length prefix whose length lies in {@code [min, max]}, as a sub-reader. */
    public ByteReader sub16(String what, int min, int max) {
        int start = position;
        return sub(what, start, u16(what), min, max);
    }

    /** Reads a vector with a 3-byte length prefix whose length lies in {@code [min, max]}, as a sub-reader. */
    public ByteReader sub24(String what, int min, int max) {
        int start = position;
        return sub(what, start, u24(what), min, max);
    }

    /** Reads {@code opaque x<min..max>} with a 1-byte length prefix. */
    public Opaque opaque8(String what, int min, int max) {
        return sub8(what, min, max).restOpaque();
    }

    /** Reads {@code opaque x<min..max>} with a 2-byte length prefix. */
    public Opaque opaque16(String what, int min, int max) {
        return sub16(what, min, max).restOpaque();
    }

    /** Reads {@code opaque x<min..max>} with a 3-byte length prefix. */
    public Opaque opaque24(String what, int min, int max) {
        return sub24(what, min, max).restOpaque();
    }

    /** Reads a vector with a 1-byte length prefix and length in {@code [min, max]} as a list of elements. */
    public <T> List<T> list8(String what, int min, int max, Function<ByteReader, T> element) {
        return elements(sub8(what, min, max), element);
    }

    /** Reads a vector with a 2-byte length prefix and length in {@code [min, max]} as a list of elements. */
    public <T> List<T> list16(String what, int min, int max, Function<ByteReader, T> element) {
        return elements(sub16(what, min, max), element);
    }

    /** Reads a vector with a 3-byte length prefix and length in {@code [min, max]} as a list of elements. */
    public <T> List<T> list24(String what, int min, int max, Function<ByteReader, T> element) {
        return elements(sub24(what, min, max), element);
    }

    /** Returns a copy of the bytes between two absolute offsets already read by this reader or its parent. */
    public byte[] copyOfRange(int fromOffset, int toOffset) {
        if (fromOffset < 0 || fromOffset > toOffset || toOffset > buffer.length) {
            throw new IllegalArgumentException("range " + fromOffset + ".." + toOffset);
        }
        return Arrays.copyOfRange(buffer, fromOffset, toOffset);
    }

    /** Fails with {@link Reason#TRAILING_BYTES} unless every byte has been read. */
    public void expectEmpty(String what) {
        if (position != end) {
            throw new DecodeException(Reason.TRAILING_BYTES, what, position);
        }
    }

    /** Returns a failure at the current offset, for codecs that find a value they cannot accept. */
    public DecodeException failure(Reason reason, String what) {
        return new DecodeException(reason, what, position);
    }

    private static <T> List<T> elements(ByteReader vector, Function<ByteReader, T> element) {
        List<T> elements = new ArrayList<>();
        while (vector.hasRemaining()) {
            elements.add(element.apply(vector));
        }
        return elements;
    }

    private ByteReader sub(String what, int prefixOffset, int length, int min, int max) {
        if (length < min || length > max) {
            throw new DecodeException(Reason.LENGTH_OUT_OF_RANGE,
                    what + " length " + length + " not in [" + min + ".." + max + "]", prefixOffset);
        }
        need(what, length);
        ByteReader sub = new ByteReader(buffer, position, position + length);
        position += length;
        return sub;
    }

    private void need(String what, int length) {
        if (length < 0 || length > end - position) {
            throw new DecodeException(Reason.MALFORMED_MESSAGE,
                    what + " needs " + length + " bytes, " + (end - position) + " left", position);
        }
    }
}
