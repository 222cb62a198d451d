package io.tlsmachine.impl.codec.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.RandomValues;
import io.tlsmachine.impl.error.DecodeException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Decoders check declared lengths against the bytes present before allocating: a tiny input that
 * declares a 16 MiB vector must cost kilobytes, not megabytes.
 */
class DecoderAllocationTest {
    /** Generous per-decode budget: an exception with its stack trace, a few lists, never a declared vector. */
    private static final long BUDGET_PER_DECODE = 64 * 1024;

    @Test
    void hugeDeclaredLengthsOnTinyInputsAllocateNothingLikeTheirDeclaredSize() {
        // the first pass loads classes and links call sites (which allocates); the second one measures
        decodeAllWithHugeLengths(false);
        decodeAllWithHugeLengths(true);
    }

    private static void decodeAllWithHugeLengths(boolean measure) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int decodes = 0;
        long worst = 0;
        String worstCase = "";
        for (MessageGenerator.Kind kind : MessageGenerator.KINDS) {
            byte[] valid = HandshakeCodec.encode(kind.generator().apply(new RandomValues(1)));
            for (int at = 0; at < Math.min(valid.length, 200); at++) {
                // make every possible length prefix at this offset as large as it can be
                byte[] input = Arrays.copyOf(valid, valid.length);
                for (int i = at; i < Math.min(at + 3, input.length); i++) {
                    input[i] = (byte) 0xFF;
                }
                for (byte[] candidate : new byte[][] {input, reframe(input)}) {
                    long before = threads.getThreadAllocatedBytes(thread);
                    try {
                        HandshakeCodec.decode(candidate, kind.context());
                    } catch (DecodeException expected) {
                        // the point is what it cost
                    }
                    long allocated = threads.getThreadAllocatedBytes(thread) - before;
                    decodes++;
                    if (allocated > worst) {
                        worst = allocated;
                        worstCase = kind + " with 0xFFFFFF at " + at;
                    }
                }
            }
        }
        if (!measure) {
            return;
        }
        assertThat(decodes).isGreaterThan(1000);
        assertThat(worst).as("worst case: %s", worstCase).isLessThan(BUDGET_PER_DECODE);
    }

    @Test
    void aCertificateDeclaringSixteenMebibytesInTenBytesFailsCheaply() {
        byte[] input = {11, 0, 0, 6, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0};
        decodeAllWithHugeLengths(false); // warm up: class loading and call-site linking allocate
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        DecodeException thrown = null;
        try {
            HandshakeCodec.decode(input, MessageGenerator.TLS13);
        } catch (DecodeException e) {
            thrown = e;
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(thrown).isNotNull();
        assertThat(thrown.what()).contains("certificate_list");
        assertThat(allocated).isLessThan(BUDGET_PER_DECODE);
    }

    /** Keeps the mutated body but fixes the frame length, so the body decoder sees the huge inner prefix. */
    private static byte[] reframe(byte[] input) {
        if (input.length < 4) {
            return input;
        }
        byte[] body = Arrays.copyOfRange(input, 4, input.length);
        return new ByteWriter().u8(input[0] & 0xFF).prefixed24(w -> w.bytes(body)).toByteArray();
    }
}
