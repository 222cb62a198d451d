package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import static io.tlsmachine.impl.record.RecordTestSupport.assertFails;
import static io.tlsmachine.impl.record.RecordTestSupport.bytes;
import static io.tlsmachine.impl.record.RecordTestSupport.concat;
import static io.tlsmachine.impl.record.RecordTestSupport.plaintextRecord;
import static io.tlsmachine.impl.record.RecordTestSupport.rawTls13Record;
import static io.tlsmachine.impl.record.RecordTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.Reason;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordReaderTest {
    private static final int MAX = 1 << 14;

    private static RecordReader tls13Reader(Epoch epoch) {
        RecordReader reader = new RecordReader();
        reader.setProtection(RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, epoch, 1).get());
        return reader;
    }

    private static Tls13AeadProtection tls13Sealer(Epoch epoch) {
        return RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, epoch, 1).get();
    }

    private static byte[] header(int type, int version, int length) {
        return new byte[] {(byte) type, (byte) (version >>> 8), (byte) version, (byte) (length >>> 8), (byte) length};
    }

    @Test
    void framesRecordsSplitAtEveryPositionIntoTwoReads() {
        List<ReceivedRecord> expected = List.of(
                new ReceivedRecord(ContentType.HANDSHAKE, Epoch.PLAINTEXT, bytes(30, 1)),
                new ReceivedRecord(ContentType.ALERT, Epoch.PLAINTEXT, new byte[] {2, 40}),
                new ReceivedRecord(ContentType.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT, new byte[] {1}));
        byte[] stream = concat(
                plaintextRecord(ContentType.HANDSHAKE, bytes(30, 1)),
                plaintextRecord(ContentType.ALERT, new byte[] {2, 40}),
                plaintextRecord(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}));
        for (int split = 0; split <= stream.length; split++) {
            RecordReader reader = new RecordReader();
            List<ReceivedRecord> records = new ArrayList<>(readAll(reader, Arrays.copyOf(stream, split)));
            records.addAll(readAll(reader, Arrays.copyOfRange(stream, split, stream.length)));
            assertThat(records).as("split at %d", split).isEqualTo(expected);
            assertThat(reader.hasPartialRecord()).isFalse();
        }
    }

    @Test
    void framesProtectedRecordsFedOneByteAtATime() {
        Tls13AeadProtection sealer = tls13Sealer(Epoch.APPLICATION);
        byte[] stream = concat(
                sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, bytes(50, 2), 0, 50, 3),
                sealer.seal(ContentType.HANDSHAKE, VersionCode.TLS12, bytes(9, 4), 0, 9, 0));
        RecordReader reader = tls13Reader(Epoch.APPLICATION);
        List<ReceivedRecord> records = new ArrayList<>();
        for (byte b : stream) {
            records.addAll(readAll(reader, new byte[] {b}));
        }
        assertThat(records).containsExactly(
                new ReceivedRecord(ContentType.APPLICATION_DATA, Epoch.APPLICATION, bytes(50, 2)),
                new ReceivedRecord(ContentType.HANDSHAKE, Epoch.APPLICATION, bytes(9, 4)));
    }

    @Test
    void consumesBytesOnlyUpToTheEndOfTheRecordItReturns() {
        byte[] first = plaintextRecord(ContentType.HANDSHAKE, bytes(10, 1));
        ByteBuffer in = ByteBuffer.wrap(concat(first, plaintextRecord(ContentType.HANDSHAKE, bytes(5, 2))));
        RecordReader reader = new RecordReader();
        assertThat(reader.read(in)).isNotNull();
        assertThat(in.position()).isEqualTo(first.length);
    }

    @Test
    void reportsAPartialRecordUntilItIsComplete() {
        byte[] record = plaintextRecord(ContentType.HANDSHAKE, bytes(10, 1));
        RecordReader reader = new RecordReader();
        assertThat(reader.read(ByteBuffer.wrap(record, 0, 3))).isNull();
        assertThat(reader.hasPartialRecord()).isTrue();
        assertThat(reader.read(ByteBuffer.wrap(record, 3, record.length - 3))).isNotNull();
        assertThat(reader.hasPartialRecord()).isFalse();
    }

    @Test
    void acceptsExactlyTheFourKnownContentTypesAndRejectsEveryOtherWithUnknownContentType() {
        for (int type = 0; type < 256; type++) {
            RecordReader reader = new RecordReader();
            byte[] record = concat(header(type, 0x0303, 1), new byte[] {1});
            if (type >= 20 && type <= 23) {
                assertThat(readAll(reader, record)).hasSize(1);
            } else {
                assertFails(Reason.UNKNOWN_CONTENT_TYPE, () -> readAll(reader, record));
            }
        }
    }

    /**
     * RFC 8446 §5.1: legacy_record_version "MUST be ignored for all purposes"; Appendix D: "The value of
     * TLSPlaintext.legacy_record_version MUST be ignored by all implementations" (not only a major version of 3).
     */
    @Test
    void ignoresTheRecordVersionWhateverItsValue() {
        for (int version : new int[] {0x0000, 0x0200, 0x0300, 0x0301, 0x0303, 0x0304, 0x03FF, 0x0403, 0x7F1C, 0xFEFD,
                0xFFFF}) {
            List<ReceivedRecord> read = readAll(new RecordReader(), concat(header(22, version, 1), new byte[] {1}));
            assertThat(read).as("record version %04x", version).hasSize(1);
            assertThat(read.get(0).fragment()).containsExactly(1);
        }
    }

    /** The same on a reader that already read records (a connection that negotiated TLS 1.2 reads several versions). */
    @Test
    void ignoresARecordVersionThatChangesFromRecordToRecord() {
        RecordReader reader = new RecordReader();
        assertThat(readAll(reader, concat(header(22, 0x0303, 1), new byte[] {1}, header(22, 0x0301, 1), new byte[] {2},
                header(20, 0xFFFF, 1), new byte[] {1}))).hasSize(3);
    }

    @Test
    void acceptsA2To14BytePlaintextAndRejectsOneByteMoreRightAfterTheHeader() {
        assertThat(readAll(new RecordReader(), plaintextRecord(ContentType.HANDSHAKE, new byte[MAX]))).hasSize(1);
        assertFails(Reason.RECORD_OVERFLOW, () -> readAll(new RecordReader(), header(22, 0x0303, MAX + 1)));
    }

    @Test
    void acceptsATls13CiphertextLengthOf2To14Plus256AndRejectsOneMoreRightAfterTheHeader() {
        RecordReader atLimit = tls13Reader(Epoch.APPLICATION);
        assertThat(atLimit.read(ByteBuffer.wrap(header(23, 0x0303, MAX + 256)))).isNull();
        assertThat(atLimit.hasPartialRecord()).isTrue();
        assertFails(Reason.RECORD_OVERFLOW, () -> tls13Reader(Epoch.APPLICATION).read(ByteBuffer.wrap(header(23, 0x0303, MAX + 257))));
    }

    @Test
    void acceptsATls12CiphertextLengthOf2To14Plus2048AndRejectsOneMoreRightAfterTheHeader() {
        RecordReader atLimit = new RecordReader();
        atLimit.setProtection(RecordTestSupport.tls12(AeadAlgorithm.AES_128_GCM, Epoch.APPLICATION, 1).get());
        assertThat(atLimit.read(ByteBuffer.wrap(header(23, 0x0303, MAX + 2048)))).isNull();
        RecordReader overLimit = new RecordReader();
        overLimit.setProtection(RecordTestSupport.tls12(AeadAlgorithm.AES_128_GCM, Epoch.APPLICATION, 1).get());
        assertFails(Reason.RECORD_OVERFLOW, () -> overLimit.read(ByteBuffer.wrap(header(23, 0x0303, MAX + 2049))));
    }

    @Test
    void acceptsATls13InnerPlaintextOf2To14Plus1CountingPaddingAndRejectsOneMore() {
        byte[] fullContent = concat(new byte[MAX], new byte[] {23});
        byte[] paddedToLimit = concat(bytes(MAX - 10, 1), new byte[] {22}, new byte[10]);
        byte[] overLimit = concat(bytes(MAX - 10, 1), new byte[] {22}, new byte[11]);
        assertThat(readAll(tls13Reader(Epoch.APPLICATION), rawTls13Record(AeadAlgorithm.AES_128_GCM, 1, 0, fullContent)))
                .singleElement().satisfies(r -> assertThat(r.length()).isEqualTo(MAX));
        assertThat(readAll(tls13Reader(Epoch.APPLICATION), rawTls13Record(AeadAlgorithm.AES_128_GCM, 1, 0, paddedToLimit)))
                .singleElement().satisfies(r -> assertThat(r.fragment()).isEqualTo(bytes(MAX - 10, 1)));
        assertFails(Reason.RECORD_OVERFLOW,
                () -> readAll(tls13Reader(Epoch.APPLICATION), rawTls13Record(AeadAlgorithm.AES_128_GCM, 1, 0, overLimit)));
    }

    @Test
    void appliesOurRecordSizeLimitToTheWholeTls13InnerPlaintextIncludingPadding() {
        Tls13AeadProtection sealer = tls13Sealer(Epoch.APPLICATION);
        byte[] stream = concat(
                sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, new byte[99], 0, 99, 0),
                sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, new byte[50], 0, 50, 49),
                sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, new byte[50], 0, 50, 50));
        RecordReader reader = tls13Reader(Epoch.APPLICATION);
        reader.setRecordSizeLimit(100);
        ByteBuffer in = ByteBuffer.wrap(stream);
        assertThat(reader.read(in).length()).isEqualTo(99);
        assertThat(reader.read(in).length()).isEqualTo(50);
        assertFails(Reason.RECORD_OVERFLOW, () -> reader.read(in));
    }

    @Test
    void appliesOurRecordSizeLimitToTls12PlaintextButNotToUnprotectedRecords() {
        var protections = RecordTestSupport.tls12(AeadAlgorithm.AES_256_GCM, Epoch.APPLICATION, 3);
        Tls12AeadProtection sealer = protections.get();
        RecordReader reader = new RecordReader();
        reader.setRecordSizeLimit(100);
        assertThat(readAll(reader, plaintextRecord(ContentType.HANDSHAKE, new byte[500]))).hasSize(1);
        reader.setProtection(protections.get());
        assertThat(readAll(reader, sealer.seal(ContentType.HANDSHAKE, VersionCode.TLS12, new byte[100], 0, 100, 0))).hasSize(1);
        byte[] over = sealer.seal(ContentType.HANDSHAKE, VersionCode.TLS12, new byte[101], 0, 101, 0);
        assertFails(Reason.RECORD_OVERFLOW, () -> readAll(reader, over));
    }

    @Test
    void rejectsATls12RecordThatDecryptsToMoreThan2To14Bytes() {
        var protections = RecordTestSupport.tls12(AeadAlgorithm.CHACHA20_POLY1305, Epoch.APPLICATION, 3);
        byte[] iv = bytes(12, 3 + 7);
        byte[] content = new byte[MAX + 1];
        byte[] sealed = RecordTestSupport.aead(AeadAlgorithm.CHACHA20_POLY1305, 3).seal(
                Tls13AeadProtection.nonce(iv, 0),
                Tls12AeadProtection.additionalData(0, ContentType.APPLICATION_DATA, VersionCode.TLS12, content.length),
                content);
        RecordReader reader = new RecordReader();
        reader.setProtection(protections.get());
        assertFails(Reason.RECORD_OVERFLOW, () -> readAll(reader, concat(header(23, 0x0303, sealed.length), sealed)));
    }

    @Test
    void deliversTheInnerContentTypeAndTheEpochTheRecordArrivedUnder() {
        Tls13AeadProtection sealer = tls13Sealer(Epoch.HANDSHAKE);
        byte[] record = sealer.seal(ContentType.HANDSHAKE, VersionCode.TLS12, bytes(12, 1), 0, 12, 7);
        assertThat(readAll(tls13Reader(Epoch.HANDSHAKE), record))
                .containsExactly(new ReceivedRecord(ContentType.HANDSHAKE, Epoch.HANDSHAKE, bytes(12, 1)));
    }

    @Test
    void rejectsAProtectedChangeCipherSpecWithUnexpectedMessage() {
        byte[] record = rawTls13Record(AeadAlgorithm.AES_128_GCM, 1, 0, new byte[] {1, 20});
        assertFails(Reason.UNEXPECTED_MESSAGE, () -> readAll(tls13Reader(Epoch.HANDSHAKE), record));
    }

    @Test
    void rejectsAnUnknownInnerContentType() {
        byte[] record = rawTls13Record(AeadAlgorithm.AES_128_GCM, 1, 0, new byte[] {1, 24, 0});
        assertFails(Reason.UNKNOWN_CONTENT_TYPE, () -> readAll(tls13Reader(Epoch.HANDSHAKE), record));
    }

    @Test
    void rejectsAnAllZeroInnerPlaintextWithUnexpectedMessage() {
        byte[] record = rawTls13Record(AeadAlgorithm.AES_128_GCM, 1, 0, new byte[20]);
        assertFails(Reason.UNEXPECTED_MESSAGE, () -> readAll(tls13Reader(Epoch.APPLICATION), record));
    }

    @Test
    void passesUnprotectedChangeCipherSpecAndAlertThroughAsPlaintextUnderTls13Keys() {
        RecordReader reader = tls13Reader(Epoch.HANDSHAKE);
        byte[] stream = concat(
                plaintextRecord(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}),
                plaintextRecord(ContentType.ALERT, new byte[] {2, 40}),
                tls13Sealer(Epoch.HANDSHAKE).seal(ContentType.HANDSHAKE, VersionCode.TLS12, bytes(5, 5), 0, 5, 0));
        assertThat(readAll(reader, stream)).containsExactly(
                new ReceivedRecord(ContentType.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT, new byte[] {1}),
                new ReceivedRecord(ContentType.ALERT, Epoch.PLAINTEXT, new byte[] {2, 40}),
                new ReceivedRecord(ContentType.HANDSHAKE, Epoch.HANDSHAKE, bytes(5, 5)));
    }

    @Test
    void rejectsAnUnprotectedHandshakeRecordUnderTls13KeysRightAfterTheHeader() {
        RecordReader reader = tls13Reader(Epoch.HANDSHAKE);
        assertFails(Reason.UNEXPECTED_MESSAGE, () -> reader.read(ByteBuffer.wrap(header(22, 0x0303, 10))));
    }

    @Test
    void decryptsEveryTls12RecordTypeAfterKeysAreActive() {
        var protections = RecordTestSupport.tls12(AeadAlgorithm.AES_128_GCM, Epoch.APPLICATION, 4);
        Tls12AeadProtection sealer = protections.get();
        RecordReader reader = new RecordReader();
        reader.setProtection(protections.get());
        byte[] stream = concat(
                sealer.seal(ContentType.HANDSHAKE, VersionCode.TLS12, bytes(16, 1), 0, 16, 0),
                sealer.seal(ContentType.ALERT, VersionCode.TLS12, new byte[] {1, 0}, 0, 2, 0));
        assertThat(readAll(reader, stream)).containsExactly(
                new ReceivedRecord(ContentType.HANDSHAKE, Epoch.APPLICATION, bytes(16, 1)),
                new ReceivedRecord(ContentType.ALERT, Epoch.APPLICATION, new byte[] {1, 0}));
    }

    @Test
    void rejectsAReplayedRecordBecauseTheSequenceNumberAdvanced() {
        byte[] record = tls13Sealer(Epoch.APPLICATION).seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, bytes(8, 1), 0, 8, 0);
        RecordReader reader = tls13Reader(Epoch.APPLICATION);
        assertThat(readAll(reader, record)).hasSize(1);
        assertFails(Reason.BAD_RECORD_MAC, () -> readAll(reader, record));
    }

    @Test
    void restartsSequenceNumbersAtZeroWithANewKey() {
        Tls13AeadProtection handshakeSealer = tls13Sealer(Epoch.HANDSHAKE);
        var applicationKeys = RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.APPLICATION, 2);
        byte[] stream = concat(
                handshakeSealer.seal(ContentType.HANDSHAKE, VersionCode.TLS12, bytes(4, 1), 0, 4, 0),
                handshakeSealer.seal(ContentType.HANDSHAKE, VersionCode.TLS12, bytes(4, 2), 0, 4, 0),
                applicationKeys.get().seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, bytes(4, 3), 0, 4, 0));
        ByteBuffer in = ByteBuffer.wrap(stream);
        RecordReader reader = tls13Reader(Epoch.HANDSHAKE);
        assertThat(reader.read(in).epoch()).isEqualTo(Epoch.HANDSHAKE);
        assertThat(reader.read(in).epoch()).isEqualTo(Epoch.HANDSHAKE);
        reader.setProtection(applicationKeys.get());
        assertThat(reader.epoch()).isEqualTo(Epoch.APPLICATION);
        assertThat(reader.read(in)).isEqualTo(new ReceivedRecord(ContentType.APPLICATION_DATA, Epoch.APPLICATION, bytes(4, 3)));
    }

    @Test
    void rejectsATamperedHeaderVersionOrATruncatedBodyWithBadRecordMac() {
        byte[] record = tls13Sealer(Epoch.APPLICATION).seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, bytes(8, 1), 0, 8, 0);
        byte[] otherVersion = record.clone();
        otherVersion[2] = 0x01;
        assertFails(Reason.BAD_RECORD_MAC, () -> readAll(tls13Reader(Epoch.APPLICATION), otherVersion));
        byte[] shorter = Arrays.copyOf(record, record.length - 1);
        shorter[4]--;
        assertFails(Reason.BAD_RECORD_MAC, () -> readAll(tls13Reader(Epoch.APPLICATION), shorter));
    }

    @Test
    void staysFailedAfterAFatalError() {
        RecordReader reader = new RecordReader();
        assertFails(Reason.UNKNOWN_CONTENT_TYPE, () -> readAll(reader, header(99, 0x0303, 1)));
        assertThatThrownBy(() -> readAll(reader, plaintextRecord(ContentType.HANDSHAKE, new byte[1])))
                .isInstanceOf(IllegalStateException.class);
    }
}
