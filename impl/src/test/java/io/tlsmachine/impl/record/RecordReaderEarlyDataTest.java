package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import static io.tlsmachine.impl.record.RecordTestSupport.assertFails;
import static io.tlsmachine.impl.record.RecordTestSupport.bytes;
import static io.tlsmachine.impl.record.RecordTestSupport.concat;
import static io.tlsmachine.impl.record.RecordTestSupport.plaintextRecord;
import static io.tlsmachine.impl.record.RecordTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.Reason;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** RFC 8446 §4.2.10: a server that rejected 0-RTT skips the client's early data records. */
class RecordReaderEarlyDataTest {
    private final Supplier<Tls13AeadProtection> earlyKeys = RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.EARLY, 5);
    private final Supplier<Tls13AeadProtection> handshakeKeys = RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.HANDSHAKE, 6);

    /** Three 0-RTT records of 100 bytes of early data each (300 in total). */
    private byte[] earlyData() {
        Tls13AeadProtection sealer = earlyKeys.get();
        return concat(
                sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, bytes(100, 1), 0, 100, 0),
                sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, bytes(100, 2), 0, 100, 0),
                sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, bytes(100, 3), 0, 100, 0));
    }

    private byte[] clientFinished() {
        return handshakeKeys.get().seal(ContentType.HANDSHAKE, VersionCode.TLS12, bytes(36, 9), 0, 36, 0);
    }

    private RecordReader readerUnderHandshakeKey() {
        RecordReader reader = new RecordReader();
        reader.setProtection(handshakeKeys.get());
        return reader;
    }

    @Test
    void skipsRecordsThatFailToDeprotectUnderTheHandshakeKeyThenDeliversTheFirstThatSucceeds() {
        RecordReader reader = readerUnderHandshakeKey();
        reader.skipRejectedEarlyData(300);
        assertThat(readAll(reader, concat(earlyData(), clientFinished())))
                .containsExactly(new ReceivedRecord(ContentType.HANDSHAKE, Epoch.HANDSHAKE, bytes(36, 9)));
        assertThat(reader.isSkippingEarlyData()).isFalse();
    }

    @Test
    void stopsSkippingAfterTheFirstRecordThatDeprotects() {
        RecordReader reader = readerUnderHandshakeKey();
        reader.skipRejectedEarlyData(10_000);
        byte[] early = earlyKeys.get().seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, bytes(10, 1), 0, 10, 0);
        assertThat(readAll(reader, clientFinished())).hasSize(1);
        assertFails(Reason.BAD_RECORD_MAC, () -> readAll(reader, early));
    }

    @Test
    void failsWithTooMuchEarlyDataOneByteOverMaxEarlyDataSize() {
        RecordReader reader = readerUnderHandshakeKey();
        reader.skipRejectedEarlyData(299);
        assertFails(Reason.TOO_MUCH_EARLY_DATA, () -> readAll(reader, earlyData()));
    }

    @Test
    void failsWithBadRecordMacWhenEarlyDataWasNotRejected() {
        assertFails(Reason.BAD_RECORD_MAC, () -> readAll(readerUnderHandshakeKey(), earlyData()));
    }

    @Test
    void afterAHelloRetryRequestSkipsApplicationDataRecordsAndDeliversEverythingElse() {
        RecordReader reader = new RecordReader();
        reader.skipRejectedEarlyData(300);
        byte[] changeCipherSpec = plaintextRecord(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1});
        byte[] secondClientHello = plaintextRecord(ContentType.HANDSHAKE, bytes(80, 4));
        assertThat(readAll(reader, concat(changeCipherSpec, earlyData(), secondClientHello))).containsExactly(
                new ReceivedRecord(ContentType.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT, new byte[] {1}),
                new ReceivedRecord(ContentType.HANDSHAKE, Epoch.PLAINTEXT, bytes(80, 4)));
        assertThat(reader.isSkippingEarlyData()).isTrue();
        reader.setProtection(handshakeKeys.get());
        assertThat(reader.isSkippingEarlyData()).isFalse();
    }

    @Test
    void afterAHelloRetryRequestCountsSkippedRecordsAgainstMaxEarlyDataSize() {
        RecordReader reader = new RecordReader();
        reader.skipRejectedEarlyData(299);
        assertFails(Reason.TOO_MUCH_EARLY_DATA, () -> readAll(reader, earlyData()));
    }

    @Test
    void afterAHelloRetryRequestAcceptsEarlyDataRecordsUpToTheTls13CiphertextLimit() {
        RecordReader reader = new RecordReader();
        reader.skipRejectedEarlyData(1 << 20);
        int length = (1 << 14) + 256;
        assertThat(reader.read(ByteBuffer.wrap(new byte[] {23, 3, 3, (byte) (length >>> 8), (byte) length}))).isNull();
        assertThat(reader.read(ByteBuffer.wrap(new byte[length]))).isNull();
        assertThat(reader.hasPartialRecord()).isFalse();
    }

    @Test
    void stopsSkippingWhenTheEngineSaysSo() {
        RecordReader reader = new RecordReader();
        reader.skipRejectedEarlyData(300);
        reader.stopSkippingEarlyData();
        byte[] plaintextApplicationData = plaintextRecord(ContentType.APPLICATION_DATA, bytes(3, 3));
        assertThat(readAll(reader, plaintextApplicationData))
                .containsExactly(new ReceivedRecord(ContentType.APPLICATION_DATA, Epoch.PLAINTEXT, bytes(3, 3)));
    }
}
