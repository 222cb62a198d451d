package io.tlsmachine.impl.record;

import io.tlsmachine.impl.codec.types.ContentType;

/**
 * A record body after deprotection: the real content type, the content, and the length of the
 * plaintext the AEAD returned (for TLS 1.3 the whole TLSInnerPlaintext, content type and padding
 * included, which is what record size limits count: RFC 8446 §5.4, RFC 8449 §4).
 */
record OpenedRecord(ContentType type, byte[] content, int plaintextLength) {
}
