package io.tlsmachine.impl.record;

import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;

/**
 * A 64-bit record sequence number for one direction and one key (RFC 8446 §5.3, RFC 5246 §6.1).
 *
 * <p>It starts at zero for each new key (a new {@code SequenceNumber} per protection), is used by
 * {@link #current()} and then {@link #advance advanced} once per record, and never wraps: once
 * 2^64 - 1 has been used, {@link #current()} fails with {@link Reason#SEQUENCE_NUMBER_EXHAUSTED}
 * (RFC 8446 §5.3: "If a TLS implementation would need to wrap a sequence number, it MUST either
 * rekey or terminate the connection").
 *
 * <p>{@link #shouldRekey()} turns true at a soft limit far below the wrap, so that a TLS 1.3
 * engine can send a KeyUpdate in time (RFC 8446 §5.5).
 */
public final class SequenceNumber {
    /**
     * RFC 8446 §5.5: AES-GCM may protect up to 2^24.5 (about 23.7 million) full-size records per
     * key; we ask for a rekey at 2^24, about 7 million records earlier.
     */
    static final long AES_GCM_REKEY_THRESHOLD = 1L << 24;

    /**
     * RFC 8446 §5.5: for ChaCha20-Poly1305 "the record sequence number would wrap before the safety
     * limit is reached"; we ask for a rekey at 2^62, still far from the wrap.
     */
    static final long CHACHA20_REKEY_THRESHOLD = 1L << 62;

    private final long rekeyThreshold;
    private long value;
    private boolean exhausted;

    /** Starts at zero with a rekey threshold compared as an unsigned number. */
    public SequenceNumber(long rekeyThreshold) {
        this.rekeyThreshold = rekeyThreshold;
    }

    /** Starts at zero with the rekey threshold RFC 8446 §5.5 suggests for {@code algorithm}. */
    public static SequenceNumber forAead(AeadAlgorithm algorithm) {
        return new SequenceNumber(algorithm == AeadAlgorithm.CHACHA20_POLY1305
                ? CHACHA20_REKEY_THRESHOLD
                : AES_GCM_REKEY_THRESHOLD);
    }

    /** Returns the number the next record uses (an unsigned 64-bit value). */
    public long current() {
        if (exhausted) {
            throw TlsException.fatal(Reason.SEQUENCE_NUMBER_EXHAUSTED, "record sequence number would wrap past 2^64 - 1");
        }
        return value;
    }

    /** Moves past the number just used; after 2^64 - 1 the number is exhausted. */
    public void advance() {
        current();
        if (value == -1L) {
            exhausted = true;
        } else {
            value++;
        }
    }

    /** Whether the records protected so far reached the soft limit: time to rekey (KeyUpdate). */
    public boolean shouldRekey() {
        return exhausted || Long.compareUnsigned(value, rekeyThreshold) >= 0;
    }

    /** Test hook: jumps to {@code unsignedValue} to exercise the limits without 2^64 records. */
    void setForTesting(long unsignedValue) {
        this.value = unsignedValue;
        this.exhausted = false;
    }

    @Override
    public String toString() {
        return exhausted ? "SequenceNumber[exhausted]" : "SequenceNumber[" + Long.toUnsignedString(value) + "]";
    }
}
