package io.tlsmachine.impl.codec.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.RandomValues;
import io.tlsmachine.impl.error.DecodeException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The long version of the mutation test of {@link HandshakeCodecTest}: many more seeds, many
 * mutations each, for every message kind. Decoding never throws anything but DecodeException, and
 * whatever decodes re-encodes to the exact input. Tagged slow: CI runs it, the default build skips it.
 */
@Tag("slow")
class HandshakeCodecFuzzTest {
    private static final int INPUTS_PER_KIND = 100_000;

    static Stream<MessageGenerator.Kind> kinds() {
        return MessageGenerator.KINDS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void mutatedMessagesDecodeExactlyOrFailWithDecodeException(MessageGenerator.Kind kind) {
        byte[][] seeds = new byte[200][];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = HandshakeCodec.encode(kind.generator().apply(new RandomValues(1_000 + i)));
        }
        int decodedCleanly = 0;
        for (long seed = 0; seed < INPUTS_PER_KIND; seed++) {
            Random random = new Random(seed * 31 + kind.name().hashCode());
            byte[] input = seeds[random.nextInt(seeds.length)].clone();
            int mutations = 1 + random.nextInt(8);
            for (int i = 0; i < mutations && input.length > 0; i++) {
                int at = random.nextInt(input.length);
                switch (random.nextInt(5)) {
                    case 0 -> input[at] = (byte) random.nextInt(256);
                    case 1 -> input[at] ^= (byte) (1 << random.nextInt(8));
                    case 2 -> input = Arrays.copyOf(input, at);
                    case 3 -> input[at] = (byte) (random.nextBoolean() ? 0 : 0xFF);
                    default -> input[at] = (byte) (input[at] + (random.nextBoolean() ? 1 : -1));
                }
            }
            HandshakeMessage decoded;
            try {
                decoded = HandshakeCodec.decode(input, kind.context());
            } catch (DecodeException expected) {
                continue;
            } catch (RuntimeException | Error other) {
                throw new AssertionError(kind + " seed " + seed + ": " + other, other);
            }
            decodedCleanly++;
            if (!Arrays.equals(HandshakeCodec.encode(decoded), input)) {
                throw new AssertionError(kind + " seed " + seed + " does not re-encode exactly: " + decoded);
            }
        }
        assertThat(decodedCleanly).as("some mutations (e.g. of opaque bytes) still decode").isPositive();
    }
}
