package io.tlsmachine.impl.record;

import io.tlsmachine.impl.codec.types.ContentType;
import java.util.Arrays;

/**
 * A record body after deprotection: the real content type, where the content lies (deprotection works in place, so
 * it is a range of the buffer the body was in), and the length of the plaintext the AEAD returned (for TLS 1.3 the
 * whole TLSInnerPlaintext, content type and padding included, which is what record size limits count: RFC 8446
 * §5.4, RFC 8449 §4).
 */
record OpenedRecord(ContentType type, byte[] buffer, int offset, int length, int plaintextLength) {

    /** Returns the content as an array of its own (the buffer itself when the content fills it). */
    byte[] content() {
        return offset == 0 && length == buffer.length ? buffer : Arrays.copyOfRange(buffer, offset, offset + length);
    }
}
