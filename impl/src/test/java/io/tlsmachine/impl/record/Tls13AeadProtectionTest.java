package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import static io.tlsmachine.impl.record.RecordTestSupport.aead;
import static io.tlsmachine.impl.record.RecordTestSupport.bytes;
import static io.tlsmachine.impl.record.RecordTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Tls13AeadProtectionTest {
    private static final byte[] IV = hex("00 01 02 03 04 05 06 07 08 09 0a 0b");

    @Test
    void xorsTheLeftPaddedSequenceNumberIntoTheIvByteForByte() {
        assertThat(Tls13AeadProtection.nonce(IV, 0x0102030405060708L))
                .isEqualTo(hex("00 01 02 03 05 07 05 03 0d 0f 0d 03"));
    }

    @Test
    void usesTheIvItselfForSequenceNumberZeroAndOnlyTouchesTheLastEightBytes() {
        assertThat(Tls13AeadProtection.nonce(IV, 0)).isEqualTo(IV);
        assertThat(Tls13AeadProtection.nonce(IV, -1L))
                .isEqualTo(hex("00 01 02 03 fb fa f9 f8 f7 f6 f5 f4"));
    }

    @Test
    void leavesTheIvUnchanged() {
        byte[] iv = IV.clone();
        Tls13AeadProtection.nonce(iv, 12345);
        assertThat(iv).isEqualTo(IV);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void roundTripsContentAndInnerContentTypeWithPadding(AeadAlgorithm algorithm) {
        var protections = RecordTestSupport.tls13(algorithm, Epoch.HANDSHAKE, 3);
        Tls13AeadProtection sealer = protections.get();
        Tls13AeadProtection opener = protections.get();
        byte[] content = bytes(100, 5);
        for (int padding : new int[] {0, 1, 27}) {
            byte[] record = sealer.seal(ContentType.HANDSHAKE, VersionCode.TLS12, content, 0, content.length, padding);
            assertThat(record).hasSize(5 + content.length + 1 + padding + 16);
            assertThat(Arrays.copyOf(record, 5)).isEqualTo(new byte[] {0x17, 0x03, 0x03, 0x00, (byte) (content.length + 17 + padding)});

            OpenedRecord opened = opener.open(Arrays.copyOf(record, 5), Arrays.copyOfRange(record, 5, record.length));
            assertThat(opened.type()).isEqualTo(ContentType.HANDSHAKE);
            assertThat(opened.content()).isEqualTo(content);
            assertThat(opened.plaintextLength()).isEqualTo(content.length + 1 + padding);
        }
    }

    @Test
    void writesLegacyRecordVersion0303EvenWhenAskedForAnother() {
        Tls13AeadProtection sealer = RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.HANDSHAKE, 1).get();
        byte[] record = sealer.seal(ContentType.ALERT, VersionCode.TLS10, new byte[] {1, 0}, 0, 2, 0);
        assertThat(Arrays.copyOfRange(record, 1, 3)).containsExactly(0x03, 0x03);
    }

    @Test
    void rejectsAnAllZeroInnerPlaintextWithUnexpectedMessage() {
        var protections = RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.APPLICATION, 2);
        byte[] record = protections.get().seal(ContentType.INVALID, VersionCode.TLS12, new byte[0], 0, 0, 9);
        Tls13AeadProtection opener = protections.get();
        assertThatThrownBy(() -> opener.open(Arrays.copyOf(record, 5), Arrays.copyOfRange(record, 5, record.length)))
                .isInstanceOf(TlsException.class)
                .extracting(e -> ((TlsException) e).reason())
                .isEqualTo(Reason.UNEXPECTED_MESSAGE);
    }

    @Test
    void rejectsEveryFlippedBitOfHeaderCiphertextAndTagWithBadRecordMacWithoutAdvancing() {
        var protections = RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.APPLICATION, 4);
        byte[] record = protections.get().seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, bytes(20, 9), 0, 20, 0);
        Tls13AeadProtection opener = protections.get();
        for (int position = 0; position < record.length; position++) {
            byte[] tampered = record.clone();
            tampered[position] ^= 0x01;
            byte[] header = Arrays.copyOf(tampered, 5);
            byte[] body = Arrays.copyOfRange(tampered, 5, tampered.length);
            assertThatThrownBy(() -> opener.open(header, body))
                    .as("bit flipped at byte %d", position)
                    .isInstanceOf(TlsException.class)
                    .extracting(e -> ((TlsException) e).reason())
                    .isEqualTo(Reason.BAD_RECORD_MAC);
        }
        OpenedRecord opened = opener.open(Arrays.copyOf(record, 5), Arrays.copyOfRange(record, 5, record.length));
        assertThat(opened.content()).isEqualTo(bytes(20, 9));
    }

    /**
     * The protection forms each nonce in its IV array and turns it back after the call, also when opening fails: every
     * record must use the nonce RFC 8446 §5.3 gives (computed apart, by {@link Tls13AeadProtection#nonce}), whatever
     * came before it.
     */
    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void sealsAndOpensEachRecordUnderItsOwnNonceAlsoAfterAFailedOpen(AeadAlgorithm algorithm) {
        int seed = 12;
        Tls13AeadProtection sealer = RecordTestSupport.tls13(algorithm, Epoch.APPLICATION, seed).get();
        Tls13AeadProtection opener = RecordTestSupport.tls13(algorithm, Epoch.APPLICATION, seed).get();
        for (long sequence = 0; sequence < 5; sequence++) {
            byte[] content = bytes(7, (int) sequence);
            byte[] inner = RecordTestSupport.concat(content, new byte[] {0x17});
            byte[] expected = RecordTestSupport.rawTls13Record(algorithm, seed, sequence, inner);
            assertThat(sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, content, 0, content.length, 0))
                    .as("record %d sealed", sequence)
                    .isEqualTo(expected);

            byte[] tampered = expected.clone();
            tampered[tampered.length - 1] ^= 0x01;
            assertThatThrownBy(() -> opener.open(Arrays.copyOf(tampered, 5), Arrays.copyOfRange(tampered, 5, tampered.length)))
                    .extracting(e -> ((TlsException) e).reason())
                    .isEqualTo(Reason.BAD_RECORD_MAC);
            OpenedRecord opened = opener.open(Arrays.copyOf(expected, 5), Arrays.copyOfRange(expected, 5, expected.length));
            assertThat(opened.content()).as("record %d opened", sequence).isEqualTo(content);
        }
    }

    @Test
    void rejectsABodyShorterThanTheTagWithBadRecordMac() {
        Tls13AeadProtection opener = RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.APPLICATION, 4).get();
        assertThatThrownBy(() -> opener.open(hex("17 03 03 00 0f"), new byte[15]))
                .extracting(e -> ((TlsException) e).reason())
                .isEqualTo(Reason.BAD_RECORD_MAC);
    }

    @Test
    void rejectsARecordSealedUnderTheNextSequenceNumber() {
        var protections = RecordTestSupport.tls13(AeadAlgorithm.CHACHA20_POLY1305, Epoch.APPLICATION, 6);
        Tls13AeadProtection sealer = protections.get();
        sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, new byte[3], 0, 3, 0);
        byte[] second = sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, new byte[3], 0, 3, 0);
        assertThatThrownBy(() -> protections.get().open(Arrays.copyOf(second, 5), Arrays.copyOfRange(second, 5, second.length)))
                .extracting(e -> ((TlsException) e).reason())
                .isEqualTo(Reason.BAD_RECORD_MAC);
    }

    @Test
    void sealsWithTheLastSequenceNumberThenFailsWithSequenceNumberExhausted() {
        byte[] iv = bytes(12, 1);
        SequenceNumber sealing = new SequenceNumber(1L << 24);
        sealing.setForTesting(-1L);
        SequenceNumber opening = new SequenceNumber(1L << 24);
        opening.setForTesting(-1L);
        var sealer = new Tls13AeadProtection(Epoch.APPLICATION, aead(AeadAlgorithm.AES_256_GCM, 8), iv, sealing);
        var opener = new Tls13AeadProtection(Epoch.APPLICATION, aead(AeadAlgorithm.AES_256_GCM, 8), iv, opening);

        byte[] last = sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, new byte[] {42}, 0, 1, 0);
        assertThat(opener.open(Arrays.copyOf(last, 5), Arrays.copyOfRange(last, 5, last.length)).content()).containsExactly(42);
        assertThat(sealer.shouldRekey()).isTrue();
        assertThatThrownBy(() -> sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, new byte[] {42}, 0, 1, 0))
                .extracting(e -> ((TlsException) e).reason())
                .isEqualTo(Reason.SEQUENCE_NUMBER_EXHAUSTED);
    }

    @Test
    void refusesToSealAnInnerPlaintextLongerThan2To14Plus1() {
        Tls13AeadProtection sealer = RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.APPLICATION, 1).get();
        byte[] content = new byte[1 << 14];
        assertThat(sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, content, 0, content.length, 0))
                .hasSize(5 + (1 << 14) + 1 + 16);
        assertThatThrownBy(() -> sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, content, 0, content.length, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
