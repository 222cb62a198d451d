package io.tlsmachine.impl.error;

import io.tlsmachine.TlsException;
import io.tlsmachine.Reason;

/**
 * A message or record that does not decode: what failed and at which offset.
 *
 * <p>The reason is usually {@link Reason#MALFORMED_MESSAGE}, {@link Reason#TRAILING_BYTES} or
 * {@link Reason#LENGTH_OUT_OF_RANGE} (decode_error), or a more specific one the RFC names, such
 * as {@link Reason#DUPLICATE_EXTENSION}.
 */
public final class DecodeException extends TlsException {
    private static final long serialVersionUID = 1L;

    private final String what;
    private final int offset;

    public DecodeException(Reason reason, String what, int offset) {
        super(reason, what + " at offset " + offset, null);
        this.what = what;
        this.offset = offset;
    }

    /** Returns what failed to decode, e.g. {@code "ClientHello.cipher_suites"}. */
    public String what() {
        return what;
    }

    /** Returns the offset in the decoded buffer where it failed. */
    public int offset() {
        return offset;
    }
}
