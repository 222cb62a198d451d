package io.tlsmachine.impl.record;

/** The size limits of the record layer, each with the RFC section that sets it. */
public final class RecordLimits {
    /** TLSPlaintext header: type(1) || legacy_record_version(2) || length(2). */
    public static final int HEADER_LENGTH = 5;

    /** RFC 8446 §5.1, RFC 5246 §6.2.1: TLSPlaintext.length MUST NOT exceed 2^14. */
    public static final int MAX_PLAINTEXT_LENGTH = 1 << 14;

    /** RFC 8446 §5.4: the encoded TLSInnerPlaintext (content + type + padding) MUST NOT exceed 2^14 + 1. */
    public static final int TLS13_MAX_INNER_PLAINTEXT_LENGTH = MAX_PLAINTEXT_LENGTH + 1;

    /** RFC 8446 §5.2: TLSCiphertext.length MUST NOT exceed 2^14 + 256. */
    public static final int TLS13_MAX_CIPHERTEXT_LENGTH = MAX_PLAINTEXT_LENGTH + 256;

    /** RFC 5246 §6.2.3: TLSCiphertext.length MUST NOT exceed 2^14 + 2048. */
    public static final int TLS12_MAX_CIPHERTEXT_LENGTH = MAX_PLAINTEXT_LENGTH + 2048;

    /** RFC 8449 §4: endpoints MUST NOT send a record_size_limit smaller than 64. */
    public static final int MIN_RECORD_SIZE_LIMIT = 64;

    /** The largest record the reader ever buffers: a header and the largest body of any version. */
    public static final int MAX_RECORD_LENGTH = HEADER_LENGTH + TLS12_MAX_CIPHERTEXT_LENGTH;

    private RecordLimits() {
    }
}
