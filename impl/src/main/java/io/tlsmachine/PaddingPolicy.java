package io.tlsmachine;

import io.tlsmachine.impl.record.RecordLimits;

/**
 * How many zero bytes to append to a TLS 1.3 TLSInnerPlaintext (RFC 8446 §5.4); TLS 1.2 and
 * plaintext records are never padded.
 *
 * <p>RFC 8446 §5.4 leaves the policy to the implementation; padding never lets a record exceed its
 * limit, so the writer passes the most padding that still fits.
 */
public sealed interface PaddingPolicy permits PaddingPolicy.NoPadding, PaddingPolicy.PadToBlockSize {

    /**
     * {@return the padding length for {@code contentLength} content bytes, at most {@code maxPadding}}
     * @param contentLength the plaintext bytes in the record
     * @param maxPadding the most padding that still fits the record
     */
    int paddingLength(int contentLength, int maxPadding);

    /**
     * Never pads.
     * @return the policy that adds no padding
     */
    static PaddingPolicy none() {
        return NoPadding.INSTANCE;
    }

    /**
     * Pads each TLSInnerPlaintext (content + type byte + padding) to a multiple of {@code blockSize}.
     * @param blockSize the block size, at least 1
     * @return the policy that pads to {@code blockSize}
     */
    static PaddingPolicy toBlockSize(int blockSize) {
        return new PadToBlockSize(blockSize);
    }

    /** The default: no padding. */
    enum NoPadding implements PaddingPolicy {
        /** The one instance. */
        INSTANCE;

        @Override
        public int paddingLength(int contentLength, int maxPadding) {
            return 0;
        }
    }

    /**
     * Pads content + type byte up to the next multiple of {@code blockSize}, hiding exact lengths
     * (capped where the limit is closer than the next multiple).
     *
     * @param blockSize the block size, 1 to the largest TLSInnerPlaintext
     */
    record PadToBlockSize(int blockSize) implements PaddingPolicy {
        /**
         * Checks that {@code blockSize} is between 1 and the largest TLSInnerPlaintext.
         *
         * @param blockSize the block size, 1 to the largest TLSInnerPlaintext
         */
        public PadToBlockSize {
            if (blockSize < 1 || blockSize > RecordLimits.TLS13_MAX_INNER_PLAINTEXT_LENGTH) {
                throw new IllegalArgumentException("block size out of range: " + blockSize);
            }
        }

        @Override
        public int paddingLength(int contentLength, int maxPadding) {
            int unpadded = contentLength + 1;
            int toNextBlock = (blockSize - unpadded % blockSize) % blockSize;
            return Math.min(toNextBlock, maxPadding);
        }
    }
}
