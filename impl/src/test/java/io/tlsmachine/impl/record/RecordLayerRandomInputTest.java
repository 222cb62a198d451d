package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.TlsException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary bytes, and valid record streams with random damage, fed in random pieces to a reader and
 * an assembler: they may only deliver records and messages or fail with a {@link TlsException},
 * and a read never consumes more than one maximal record.
 */
class RecordLayerRandomInputTest {
    private static final long SEED = 2026_11_27L;
    private static final int ITERATIONS = 3000;

    private static final List<Supplier<? extends RecordProtection>> KEYS = List.of(
            () -> PlaintextProtection.INSTANCE,
            RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.HANDSHAKE, 1),
            RecordTestSupport.tls13(AeadAlgorithm.CHACHA20_POLY1305, Epoch.APPLICATION, 2),
            RecordTestSupport.tls12(AeadAlgorithm.AES_256_GCM, Epoch.APPLICATION, 3),
            RecordTestSupport.tls12(AeadAlgorithm.CHACHA20_POLY1305, Epoch.APPLICATION, 4));

    private static final ContentType[] TYPES = {
        ContentType.HANDSHAKE, ContentType.ALERT, ContentType.APPLICATION_DATA, ContentType.CHANGE_CIPHER_SPEC};

    private int recordsDelivered;
    private int messagesDelivered;
    private int failures;

    @Test
    void deliversRecordsOrFailsWithTlsExceptionOnArbitraryAndDamagedInput() {
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            long seed = SEED + iteration;
            SplittableRandom random = new SplittableRandom(seed);
            Supplier<? extends RecordProtection> keys = KEYS.get(random.nextInt(KEYS.size()));
            byte[] stream = random.nextBoolean() ? randomBytes(random) : damagedRecords(random, keys.get());
            try {
                run(random, keys.get(), stream);
            } catch (TlsException expected) {
                failures++;
            } catch (RuntimeException | AssertionError e) {
                fail("seed " + seed + ": " + e, e);
            }
        }
        // The inputs must reach past the framing, or this test proves little.
        assertThat(recordsDelivered).as("records delivered").isGreaterThan(ITERATIONS / 2);
        assertThat(messagesDelivered).as("handshake messages delivered").isGreaterThan(ITERATIONS / 10);
        assertThat(failures).as("inputs rejected").isGreaterThan(ITERATIONS / 2);
    }

    private void run(SplittableRandom random, RecordProtection protection, byte[] stream) {
        RecordReader reader = new RecordReader();
        reader.setProtection(protection);
        if (protection.epoch() == Epoch.HANDSHAKE && random.nextInt(4) == 0) {
            reader.skipRejectedEarlyData(random.nextInt(1 << 16));
        }
        HandshakeAssembler assembler = new HandshakeAssembler();
        int position = 0;
        while (position < stream.length) {
            int piece = Math.min(stream.length - position, 1 + random.nextInt(random.nextBoolean() ? 8 : 20_000));
            ByteBuffer in = ByteBuffer.wrap(stream, position, piece);
            while (true) {
                int before = in.position();
                ReceivedRecord record = reader.read(in);
                assertThat(in.position() - before).isLessThanOrEqualTo(RecordLimits.MAX_RECORD_LENGTH);
                if (record == null) {
                    break;
                }
                assertThat(record.length()).isLessThanOrEqualTo(RecordLimits.MAX_PLAINTEXT_LENGTH);
                recordsDelivered++;
                assembler.accept(record);
                ReceivedHandshakeMessage message;
                while ((message = assembler.poll()) != null) {
                    assertThat(message.encoded().length).isLessThanOrEqualTo(HandshakeAssembler.DEFAULT_MAX_CERTIFICATE_MESSAGE_LENGTH);
                    messagesDelivered++;
                }
            }
            assertThat(in.hasRemaining()).isFalse();
            position += piece;
        }
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(40_000)];
        random.nextBytes(bytes);
        if (bytes.length > 5 && random.nextBoolean()) {
            // A plausible header makes the reader go past the first five bytes more often.
            bytes[0] = (byte) TYPES[random.nextInt(TYPES.length)].code();
            bytes[1] = 3;
            bytes[2] = 3;
        }
        return bytes;
    }

    /** The writer sends no unprotected application data and no TLS 1.3 protected change_cipher_spec. */
    private static boolean writable(ContentType type, RecordProtection protection) {
        return !(type.equals(ContentType.APPLICATION_DATA) && protection.epoch() == Epoch.PLAINTEXT)
                && !(type.equals(ContentType.CHANGE_CIPHER_SPEC) && protection.innerOverhead() > 0);
    }

    /** One to four handshake messages with correct headers and random bodies. */
    private static byte[] handshakeMessages(SplittableRandom random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            int bodyLength = random.nextInt(3000);
            out.write(random.nextInt(256));
            out.write(bodyLength >>> 16);
            out.write(bodyLength >>> 8);
            out.write(bodyLength);
            byte[] body = new byte[bodyLength];
            random.nextBytes(body);
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** Well-formed records (and handshake messages) of the protection, then random damage. */
    private static byte[] damagedRecords(SplittableRandom random, RecordProtection protection) {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(protection);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int records = 1 + random.nextInt(6);
        for (int i = 0; i < records; i++) {
            ContentType type = TYPES[random.nextInt(TYPES.length)];
            while (!writable(type, protection)) {
                type = TYPES[random.nextInt(TYPES.length)];
            }
            if (type.equals(ContentType.HANDSHAKE)) {
                byte[] flight = handshakeMessages(random);
                int position = 0;
                while (position < flight.length) {
                    int piece = Math.min(flight.length - position, 1 + random.nextInt(2000));
                    out.writeBytes(writer.write(type, flight, position, piece));
                    position += piece;
                }
            } else {
                byte[] content = new byte[type.equals(ContentType.ALERT) ? 2 : 1 + random.nextInt(3000)];
                random.nextBytes(content);
                out.writeBytes(writer.write(type, content));
            }
        }
        byte[] stream = out.toByteArray();
        int damage = random.nextInt(4);
        for (int i = 0; i < damage; i++) {
            stream[random.nextInt(stream.length)] ^= (byte) (1 << random.nextInt(8));
        }
        if (random.nextInt(4) == 0) {
            stream = Arrays.copyOf(stream, random.nextInt(stream.length + 1));
        }
        return stream;
    }
}
