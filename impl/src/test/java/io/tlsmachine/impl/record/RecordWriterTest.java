package io.tlsmachine.impl.record;

import io.tlsmachine.PaddingPolicy;
import io.tlsmachine.model.Epoch;
import static io.tlsmachine.impl.record.RecordTestSupport.aead;
import static io.tlsmachine.impl.record.RecordTestSupport.assertFails;
import static io.tlsmachine.impl.record.RecordTestSupport.bytes;
import static io.tlsmachine.impl.record.RecordTestSupport.hex;
import static io.tlsmachine.impl.record.RecordTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.Reason;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordWriterTest {
    private static final int MAX = 1 << 14;

    /** Returns the body lengths of the records in {@code stream}, checking each header's version. */
    private static List<Integer> bodyLengths(byte[] stream, int expectedVersion) {
        List<Integer> lengths = new ArrayList<>();
        int position = 0;
        while (position < stream.length) {
            assertThat(((stream[position + 1] & 0xFF) << 8) | (stream[position + 2] & 0xFF)).isEqualTo(expectedVersion);
            int length = ((stream[position + 3] & 0xFF) << 8) | (stream[position + 4] & 0xFF);
            lengths.add(length);
            position += 5 + length;
        }
        assertThat(position).isEqualTo(stream.length);
        return lengths;
    }

    private static byte[] joinedFragments(List<ReceivedRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        records.forEach(r -> out.writeBytes(r.fragment()));
        return out.toByteArray();
    }

    @Test
    void writesExactly2To14BytesInOneRecordAndOneMoreInTwo() {
        RecordWriter writer = new RecordWriter();
        assertThat(bodyLengths(writer.write(ContentType.HANDSHAKE, new byte[MAX]), 0x0303)).containsExactly(MAX);
        assertThat(bodyLengths(writer.write(ContentType.HANDSHAKE, new byte[MAX + 1]), 0x0303)).containsExactly(MAX, 1);
    }

    @Test
    void fragmentsLongPlaintextIntoRecordsThatReassembleToTheSameBytes() {
        byte[] content = bytes(3 * MAX + 5, 7);
        byte[] stream = new RecordWriter().write(ContentType.HANDSHAKE, content);
        assertThat(bodyLengths(stream, 0x0303)).containsExactly(MAX, MAX, MAX, 5);
        assertThat(joinedFragments(readAll(new RecordReader(), stream))).isEqualTo(content);
    }

    @Test
    void fillsTls13RecordsWith2To14ContentBytesPlusTheTypeByte() {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.APPLICATION, 1).get());
        assertThat(bodyLengths(writer.write(ContentType.APPLICATION_DATA, new byte[MAX + 1]), 0x0303))
                .containsExactly(MAX + 1 + 16, 1 + 1 + 16);
    }

    @Test
    void keepsTls13InnerPlaintextWithinThePeersRecordSizeLimitPaddingIncluded() {
        var keys = RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.APPLICATION, 1);
        RecordWriter writer = new RecordWriter();
        writer.setProtection(keys.get());
        writer.setPeerRecordSizeLimit(100);
        writer.setPaddingPolicy(PaddingPolicy.toBlockSize(64));
        byte[] content = bytes(250, 3);
        byte[] stream = writer.write(ContentType.APPLICATION_DATA, content);
        // 99 + 1 = 100 (no room to pad), 99 + 1, then 52 + 1 padded to 64.
        assertThat(bodyLengths(stream, 0x0303)).containsExactly(100 + 16, 100 + 16, 64 + 16);
        RecordReader reader = new RecordReader();
        reader.setProtection(keys.get());
        reader.setRecordSizeLimit(100);
        assertThat(joinedFragments(readAll(reader, stream))).isEqualTo(content);
    }

    @Test
    void appliesThePeersRecordSizeLimitToTls12ContentButNotToPlaintext() {
        RecordWriter writer = new RecordWriter();
        writer.setPeerRecordSizeLimit(100);
        assertThat(bodyLengths(writer.write(ContentType.HANDSHAKE, new byte[300]), 0x0303)).containsExactly(300);
        writer.setProtection(RecordTestSupport.tls12(AeadAlgorithm.AES_128_GCM, Epoch.APPLICATION, 1).get());
        assertThat(bodyLengths(writer.write(ContentType.APPLICATION_DATA, new byte[201]), 0x0303))
                .containsExactly(8 + 100 + 16, 8 + 100 + 16, 8 + 1 + 16);
    }

    @Test
    void padsTls13RecordsToTheBlockSize() {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(RecordTestSupport.tls13(AeadAlgorithm.CHACHA20_POLY1305, Epoch.HANDSHAKE, 1).get());
        writer.setPaddingPolicy(PaddingPolicy.toBlockSize(32));
        assertThat(bodyLengths(writer.write(ContentType.HANDSHAKE, new byte[1]), 0x0303)).containsExactly(32 + 16);
        assertThat(bodyLengths(writer.write(ContentType.HANDSHAKE, new byte[31]), 0x0303)).containsExactly(32 + 16);
        assertThat(bodyLengths(writer.write(ContentType.HANDSHAKE, new byte[32]), 0x0303)).containsExactly(64 + 16);
    }

    @Test
    void computesBlockPaddingAndNeverExceedsTheRoomLeft() {
        PaddingPolicy policy = PaddingPolicy.toBlockSize(16);
        assertThat(policy.paddingLength(0, 100)).isEqualTo(15);
        assertThat(policy.paddingLength(15, 100)).isZero();
        assertThat(policy.paddingLength(16, 100)).isEqualTo(15);
        assertThat(policy.paddingLength(16, 4)).isEqualTo(4);
        assertThat(PaddingPolicy.none().paddingLength(16, 100)).isZero();
        assertThatThrownBy(() -> PaddingPolicy.toBlockSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesOneEmptyRecordForEmptyApplicationData() {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.APPLICATION, 1).get());
        assertThat(bodyLengths(writer.write(ContentType.APPLICATION_DATA, new byte[0]), 0x0303)).containsExactly(1 + 16);
    }

    @Test
    void refusesToWriteZeroLengthHandshakeAlertOrChangeCipherSpecFragments() {
        RecordWriter writer = new RecordWriter();
        for (ContentType type : List.of(ContentType.HANDSHAKE, ContentType.ALERT, ContentType.CHANGE_CIPHER_SPEC)) {
            assertThatThrownBy(() -> writer.write(type, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void writesRecordVersion0301ForAnInitialClientHelloButAlways0303UnderTls13Keys() {
        RecordWriter writer = new RecordWriter();
        writer.setRecordVersion(VersionCode.TLS10);
        assertThat(bodyLengths(writer.write(ContentType.HANDSHAKE, new byte[10]), 0x0301)).containsExactly(10);
        writer.setProtection(RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.HANDSHAKE, 1).get());
        assertThat(bodyLengths(writer.write(ContentType.HANDSHAKE, new byte[10]), 0x0303)).containsExactly(10 + 1 + 16);
        assertThatThrownBy(() -> writer.setRecordVersion(VersionCode.TLS13)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signalsARekeyOnceTheWriteKeyReachedItsSoftLimit() {
        SequenceNumber sequence = new SequenceNumber(1L << 24);
        sequence.setForTesting((1L << 24) - 1);
        RecordWriter writer = new RecordWriter();
        writer.setProtection(new Tls13AeadProtection(Epoch.APPLICATION, aead(AeadAlgorithm.AES_128_GCM, 1), bytes(12, 1), sequence));
        assertThat(writer.shouldRekey()).isFalse();
        writer.write(ContentType.APPLICATION_DATA, new byte[1]);
        assertThat(writer.shouldRekey()).isTrue();
    }

    @Test
    void failsWithSequenceNumberExhaustedInsteadOfWrapping() {
        SequenceNumber sequence = new SequenceNumber(1L << 24);
        sequence.setForTesting(-1L);
        RecordWriter writer = new RecordWriter();
        writer.setProtection(new Tls12AeadProtection(Epoch.APPLICATION, aead(AeadAlgorithm.AES_128_GCM, 1), bytes(4, 1), sequence));
        assertFails(Reason.SEQUENCE_NUMBER_EXHAUSTED, () -> writer.write(ContentType.APPLICATION_DATA, new byte[MAX + 1]));
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void roundTripsRandomContentThroughWriterAndReaderInBothVersions(AeadAlgorithm algorithm) {
        long seed = 20261127L + algorithm.ordinal();
        SplittableRandom random = new SplittableRandom(seed);
        List<Supplier<? extends RecordProtection>> versions = List.of(
                RecordTestSupport.tls13(algorithm, Epoch.APPLICATION, 3),
                RecordTestSupport.tls12(algorithm, Epoch.APPLICATION, 3));
        for (Supplier<? extends RecordProtection> keys : versions) {
            RecordWriter writer = new RecordWriter();
            writer.setProtection(keys.get());
            writer.setPaddingPolicy(PaddingPolicy.toBlockSize(1 + random.nextInt(300)));
            RecordReader reader = new RecordReader();
            reader.setProtection(keys.get());
            for (int i = 0; i < 30; i++) {
                byte[] content = new byte[random.nextInt(3 * MAX)];
                random.nextBytes(content);
                byte[] stream = writer.write(ContentType.APPLICATION_DATA, content);
                assertThat(joinedFragments(readAll(reader, stream))).as("seed %d, message %d", seed, i).isEqualTo(content);
            }
        }
    }

    @Test
    void writesTheCompatibilityChangeCipherSpecUnprotectedUnderTls13KeysWithoutUsingASequenceNumber() {
        var keys = RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.HANDSHAKE, 1);
        RecordWriter writer = new RecordWriter();
        writer.setProtection(keys.get());
        assertThat(writer.compatibilityChangeCipherSpec()).isEqualTo(hex("14 03 03 00 01 01"));
        byte[] first = writer.write(ContentType.HANDSHAKE, bytes(10, 1));
        RecordReader reader = new RecordReader();
        reader.setProtection(keys.get());
        assertThat(readAll(reader, first)).hasSize(1);
    }

    @Test
    void refusesToWriteApplicationDataWithoutProtection() {
        assertThatThrownBy(() -> new RecordWriter().write(ContentType.APPLICATION_DATA, new byte[1]))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToProtectAChangeCipherSpecUnderTls13Keys() {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.HANDSHAKE, 1).get());
        assertThatThrownBy(() -> writer.write(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}))
                .isInstanceOf(IllegalStateException.class);
    }
}
