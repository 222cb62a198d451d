package io.tlsmachine.impl.codec.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.RandomValues;
import io.tlsmachine.impl.error.DecodeException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every handshake message codec has, checked on seeded random instances of each kind:
 * exact round trips, rejection of truncations and trailing bytes, and nothing but DecodeException
 * for arbitrary or mutated input. Each failure message names the seed that reproduces it.
 */
class HandshakeCodecTest {
    private static final int ROUND_TRIPS = 300;
    private static final int PREFIX_SEEDS = 15;
    private static final int GARBAGE_INPUTS = 2_000;

    static Stream<MessageGenerator.Kind> kinds() {
        return MessageGenerator.KINDS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void encodeThenDecodeThenEncodeGivesTheSameMessageAndBytes(MessageGenerator.Kind kind) {
        for (long seed = 0; seed < ROUND_TRIPS; seed++) {
            HandshakeMessage message = kind.generator().apply(new RandomValues(seed));
            byte[] encoded = HandshakeCodec.encode(message);
            HandshakeMessage decoded = decode(encoded, kind, seed);
            assertThat(decoded).as("%s seed %d", kind, seed).isEqualTo(message);
            assertThat(decoded.hashCode()).as("%s seed %d", kind, seed).isEqualTo(message.hashCode());
            assertThat(HandshakeCodec.encode(decoded)).as("%s seed %d", kind, seed).isEqualTo(encoded);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyStrictPrefixOfAnEncodingIsRejected(MessageGenerator.Kind kind) {
        for (long seed = 0; seed < PREFIX_SEEDS; seed++) {
            byte[] encoded = HandshakeCodec.encode(kind.generator().apply(new RandomValues(seed)));
            for (int length = 0; length < encoded.length; length++) {
                byte[] prefix = Arrays.copyOf(encoded, length);
                Throwable thrown = catchThrowable(() -> HandshakeCodec.decode(prefix, kind.context()));
                assertThat(thrown).as("%s seed %d prefix %d of %d", kind, seed, length, encoded.length)
                        .isInstanceOf(DecodeException.class);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aByteAfterTheFrameIsRejected(MessageGenerator.Kind kind) {
        for (long seed = 0; seed < PREFIX_SEEDS; seed++) {
            byte[] encoded = HandshakeCodec.encode(kind.generator().apply(new RandomValues(seed)));
            byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
            assertThat(catchThrowable(() -> HandshakeCodec.decode(longer, kind.context())))
                    .as("%s seed %d", kind, seed).isInstanceOf(DecodeException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aByteAfterTheBodyInsideTheFrameIsRejected(MessageGenerator.Kind kind) {
        for (long seed = 0; seed < PREFIX_SEEDS; seed++) {
            HandshakeMessage message = kind.generator().apply(new RandomValues(seed));
            byte[] body = HandshakeCodec.encodeBody(message);
            byte[] reframed = new ByteWriter().u8(message.type().code())
                    .prefixed24(w -> w.bytes(body).u8(0)).toByteArray();
            assertThat(catchThrowable(() -> HandshakeCodec.decode(reframed, kind.context())))
                    .as("%s seed %d", kind, seed).isInstanceOf(DecodeException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void mutatedEncodingsEitherFailWithDecodeExceptionOrReencodeExactly(MessageGenerator.Kind kind) {
        for (long seed = 0; seed < GARBAGE_INPUTS; seed++) {
            Random random = new Random(seed);
            byte[] input = HandshakeCodec.encode(kind.generator().apply(new RandomValues(seed % 50)));
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                int at = random.nextInt(input.length);
                switch (random.nextInt(4)) {
                    case 0 -> input[at] = (byte) random.nextInt(256);
                    case 1 -> input[at] ^= (byte) (1 << random.nextInt(8));
                    case 2 -> input = removeByte(input, at);
                    default -> input = insertByte(input, at, (byte) random.nextInt(256));
                }
                if (input.length == 0) {
                    break;
                }
            }
            assertDecodesExactlyOrFailsCleanly(input, kind, seed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void randomBodiesOnlyEverFailWithDecodeException(MessageGenerator.Kind kind) {
        int type = kind.generator().apply(new RandomValues(0)).type().code();
        for (long seed = 0; seed < GARBAGE_INPUTS; seed++) {
            Random random = new Random(seed);
            byte[] body = new byte[random.nextInt(seed % 10 == 0 ? 3000 : 80)];
            random.nextBytes(body);
            byte[] input = new ByteWriter().u8(type).prefixed24(w -> w.bytes(body)).toByteArray();
            assertDecodesExactlyOrFailsCleanly(input, kind, seed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void arbitraryBytesOnlyEverFailWithDecodeException(MessageGenerator.Kind kind) {
        for (long seed = 0; seed < GARBAGE_INPUTS; seed++) {
            Random random = new Random(seed);
            byte[] input = new byte[random.nextInt(seed % 10 == 0 ? 600 : 24)];
            random.nextBytes(input);
            assertDecodesExactlyOrFailsCleanly(input, kind, seed);
        }
    }

    private static void assertDecodesExactlyOrFailsCleanly(byte[] input, MessageGenerator.Kind kind, long seed) {
        HandshakeMessage decoded;
        try {
            decoded = HandshakeCodec.decode(input, kind.context());
        } catch (DecodeException expected) {
            return;
        } catch (RuntimeException | Error other) {
            throw new AssertionError(kind + " seed " + seed + ": " + other, other);
        }
        if (!Arrays.equals(HandshakeCodec.encode(decoded), input)) {
            fail("%s seed %d decoded to %s, which does not re-encode to its input", kind, seed, decoded);
        }
    }

    private static HandshakeMessage decode(byte[] encoded, MessageGenerator.Kind kind, long seed) {
        try {
            return HandshakeCodec.decode(encoded, kind.context());
        } catch (DecodeException e) {
            throw new AssertionError(kind + " seed " + seed + ": " + e.getMessage(), e);
        }
    }

    private static byte[] removeByte(byte[] input, int at) {
        byte[] shorter = new byte[input.length - 1];
        System.arraycopy(input, 0, shorter, 0, at);
        System.arraycopy(input, at + 1, shorter, at, input.length - at - 1);
        return shorter;
    }

    private static byte[] insertByte(byte[] input, int at, byte value) {
        byte[] longer = new byte[input.length + 1];
        System.arraycopy(input, 0, longer, 0, at);
        longer[at] = value;
        System.arraycopy(input, at, longer, at + 1, input.length - at);
        return longer;
    }
}
