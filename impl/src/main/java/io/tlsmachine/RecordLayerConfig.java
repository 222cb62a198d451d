package io.tlsmachine;

import io.tlsmachine.impl.codec.extension.RecordSizeLimit;
import io.tlsmachine.impl.record.RecordLimits;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds the limits and policies of the record and handshake layers: the largest handshake message we accept, the
 * record_size_limit we advertise (RFC 8449), TLS 1.3 record padding (RFC 8446 §5.4) and when to update keys.
 *
 * @param maxHandshakeMessageSize the largest handshake message we accept, 1024 to 2^24 - 1
 * @param recordSizeLimit the record_size_limit we advertise; empty: the extension is not sent
 * @param paddingPolicy how our TLS 1.3 records are padded
 * @param keyUpdateAfterBytes the application data volume after which a TLS 1.3 endpoint updates its write key;
 *     empty: only near the AEAD limit (RFC 8446 §5.5)
 */
public record RecordLayerConfig(int maxHandshakeMessageSize, Optional<Integer> recordSizeLimit, PaddingPolicy paddingPolicy,
        Optional<Long> keyUpdateAfterBytes) {

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException when one is out of its range
     * @param maxHandshakeMessageSize the largest handshake message we accept, 1024 to 2^24 - 1
     * @param recordSizeLimit the record_size_limit we advertise; empty: the extension is not sent
     * @param paddingPolicy how our TLS 1.3 records are padded
     * @param keyUpdateAfterBytes the application data volume after which a TLS 1.3 endpoint updates its write key;
     *     empty: only near the AEAD limit (RFC 8446 §5.5)
     */
    public RecordLayerConfig {
        checkMaxHandshakeMessageSize(maxHandshakeMessageSize);
        recordSizeLimit.ifPresent(RecordLayerConfig::checkRecordSizeLimit);
        Objects.requireNonNull(paddingPolicy, "paddingPolicy");
        keyUpdateAfterBytes.ifPresent(RecordLayerConfig::checkKeyUpdateAfterBytes);
    }

    private static void checkMaxHandshakeMessageSize(int size) {
        if (size < 1024 || size > 0xFFFFFF) {
            throw new IllegalArgumentException("max handshake message size " + size + " is outside 1024..2^24-1");
        }
    }

    /** RFC 8449 §4: at least 64; at most 2^14 + 1 in TLS 1.3 (the content type byte counts). */
    private static void checkRecordSizeLimit(int limit) {
        if (limit < RecordSizeLimit.MINIMUM || limit > RecordLimits.TLS13_MAX_INNER_PLAINTEXT_LENGTH) {
            throw new IllegalArgumentException("record_size_limit must be 64.." + RecordLimits.TLS13_MAX_INNER_PLAINTEXT_LENGTH
                    + ": " + limit);
        }
    }

    private static void checkKeyUpdateAfterBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("keyUpdateAfterBytes must be positive: " + bytes);
        }
    }

    Builder toBuilder() {
        Builder b = new Builder();
        b.maxHandshakeMessageSize = maxHandshakeMessageSize;
        b.recordSizeLimit = recordSizeLimit.orElse(null);
        b.paddingPolicy = paddingPolicy;
        b.keyUpdateAfterBytes = keyUpdateAfterBytes.orElse(null);
        return b;
    }

    /** Collects the values (each setter checks its own); the defaults are 64 KiB messages, no limit, no padding. */
    static final class Builder {
        private int maxHandshakeMessageSize = TlsDefaults.MAX_HANDSHAKE_MESSAGE_SIZE;
        private Integer recordSizeLimit;
        private PaddingPolicy paddingPolicy = PaddingPolicy.none();
        private Long keyUpdateAfterBytes;

        void maxHandshakeMessageSize(int size) {
            checkMaxHandshakeMessageSize(size);
            this.maxHandshakeMessageSize = size;
        }

        void recordSizeLimit(int limit) {
            checkRecordSizeLimit(limit);
            this.recordSizeLimit = limit;
        }

        void paddingPolicy(PaddingPolicy policy) {
            this.paddingPolicy = Objects.requireNonNull(policy, "policy");
        }

        void keyUpdateAfterBytes(long bytes) {
            checkKeyUpdateAfterBytes(bytes);
            this.keyUpdateAfterBytes = bytes;
        }

        RecordLayerConfig build() {
            return new RecordLayerConfig(maxHandshakeMessageSize, Optional.ofNullable(recordSizeLimit), paddingPolicy,
                    Optional.ofNullable(keyUpdateAfterBytes));
        }
    }
}
