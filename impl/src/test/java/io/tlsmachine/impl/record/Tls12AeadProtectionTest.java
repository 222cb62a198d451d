package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import static io.tlsmachine.impl.record.RecordTestSupport.aead;
import static io.tlsmachine.impl.record.RecordTestSupport.bytes;
import static io.tlsmachine.impl.record.RecordTestSupport.concat;
import static io.tlsmachine.impl.record.RecordTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.keyschedule.TrafficKeys;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Tls12AeadProtectionTest {
    private static final byte[] SALT = hex("a0 a1 a2 a3");
    private static final long SEQUENCE = 0x0102030405060708L;

    @Test
    void buildsAdditionalDataAsSequenceTypeVersionLengthByteForByte() {
        assertThat(Tls12AeadProtection.additionalData(SEQUENCE, ContentType.HANDSHAKE, VersionCode.TLS12, 0x1234))
                .isEqualTo(hex("01 02 03 04 05 06 07 08  16  03 03  12 34"));
    }

    @Test
    void buildsTheGcmNonceAsSaltThenExplicitNonce() {
        byte[] explicit = hex("ff ff 11 12 13 14 15 16 17 18");
        assertThat(Tls12AeadProtection.gcmNonce(SALT, explicit, 2)).isEqualTo(hex("a0 a1 a2 a3 11 12 13 14 15 16 17 18"));
    }

    @Test
    void sendsTheSequenceNumberAsTheGcmExplicitNonceAndSealsWithSaltAndSequenceAdditionalData() {
        byte[] content = bytes(33, 4);
        SequenceNumber sequence = new SequenceNumber(1L << 24);
        sequence.setForTesting(SEQUENCE);
        var sealer = new Tls12AeadProtection(Epoch.APPLICATION, aead(AeadAlgorithm.AES_128_GCM, 1), SALT, sequence);

        byte[] record = sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, content, 0, content.length, 0);

        int bodyLength = 8 + content.length + 16;
        assertThat(Arrays.copyOf(record, 5)).isEqualTo(new byte[] {0x17, 0x03, 0x03, 0x00, (byte) bodyLength});
        assertThat(Arrays.copyOfRange(record, 5, 13)).isEqualTo(hex("01 02 03 04 05 06 07 08"));
        Aead independent = aead(AeadAlgorithm.AES_128_GCM, 1);
        byte[] plaintext = independent.open(
                hex("a0 a1 a2 a3 01 02 03 04 05 06 07 08"),
                hex("01 02 03 04 05 06 07 08 17 03 03 00 21"),
                Arrays.copyOfRange(record, 13, record.length));
        assertThat(plaintext).isEqualTo(content);
    }

    @Test
    void opensWithWhateverExplicitNonceThePeerSent() {
        byte[] content = bytes(10, 2);
        byte[] explicit = hex("de ad be ef 00 00 00 07");
        Aead peer = aead(AeadAlgorithm.AES_256_GCM, 5);
        byte[] sealed = peer.seal(
                concat(SALT, explicit),
                Tls12AeadProtection.additionalData(0, ContentType.HANDSHAKE, VersionCode.TLS12, content.length),
                content);
        byte[] body = concat(explicit, sealed);
        var opener = new Tls12AeadProtection(Epoch.HANDSHAKE, aead(AeadAlgorithm.AES_256_GCM, 5), SALT);

        OpenedRecord opened = opener.open(new byte[] {0x16, 0x03, 0x03, 0x00, (byte) body.length}, body);

        assertThat(opened.type()).isEqualTo(ContentType.HANDSHAKE);
        assertThat(opened.content()).isEqualTo(content);
    }

    @Test
    void usesNoExplicitNonceForChaCha20AndXorsTheSequenceNumberIntoTheIv() {
        byte[] iv = hex("00 01 02 03 04 05 06 07 08 09 0a 0b");
        byte[] content = bytes(40, 8);
        SequenceNumber sequence = new SequenceNumber(1L << 62);
        sequence.setForTesting(SEQUENCE);
        var sealer = new Tls12AeadProtection(Epoch.APPLICATION, aead(AeadAlgorithm.CHACHA20_POLY1305, 3), iv, sequence);

        byte[] record = sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, content, 0, content.length, 0);

        assertThat(record).hasSize(5 + content.length + 16);
        byte[] plaintext = aead(AeadAlgorithm.CHACHA20_POLY1305, 3).open(
                hex("00 01 02 03 05 07 05 03 0d 0f 0d 03"),
                Tls12AeadProtection.additionalData(SEQUENCE, ContentType.APPLICATION_DATA, VersionCode.TLS12, content.length),
                Arrays.copyOfRange(record, 5, record.length));
        assertThat(plaintext).isEqualTo(content);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void roundTripsRecordsOfEveryTypeInSequence(AeadAlgorithm algorithm) {
        var protections = RecordTestSupport.tls12(algorithm, Epoch.APPLICATION, 9);
        Tls12AeadProtection sealer = protections.get();
        Tls12AeadProtection opener = protections.get();
        ContentType[] types = {ContentType.HANDSHAKE, ContentType.ALERT, ContentType.APPLICATION_DATA, ContentType.CHANGE_CIPHER_SPEC};
        for (int i = 0; i < types.length; i++) {
            byte[] content = bytes(i * 7 + 1, i);
            byte[] record = sealer.seal(types[i], VersionCode.TLS12, content, 0, content.length, 0);
            OpenedRecord opened = opener.open(Arrays.copyOf(record, 5), Arrays.copyOfRange(record, 5, record.length));
            assertThat(opened.type()).isEqualTo(types[i]);
            assertThat(opened.content()).isEqualTo(content);
        }
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void rejectsEveryFlippedBitWithBadRecordMacWithoutAdvancing(AeadAlgorithm algorithm) {
        var protections = RecordTestSupport.tls12(algorithm, Epoch.APPLICATION, 11);
        byte[] record = protections.get().seal(ContentType.HANDSHAKE, VersionCode.TLS12, bytes(12, 1), 0, 12, 0);
        Tls12AeadProtection opener = protections.get();
        for (int position = 0; position < record.length; position++) {
            if (position == 3 || position == 4) {
                continue; // the length bytes are not authenticated as such; the reader frames by them
            }
            byte[] tampered = record.clone();
            tampered[position] ^= (byte) 0x80;
            assertThatThrownBy(() -> opener.open(Arrays.copyOf(tampered, 5), Arrays.copyOfRange(tampered, 5, tampered.length)))
                    .as("bit flipped at byte %d", position)
                    .isInstanceOf(TlsException.class)
                    .extracting(e -> ((TlsException) e).reason())
                    .isEqualTo(Reason.BAD_RECORD_MAC);
        }
        assertThat(opener.open(Arrays.copyOf(record, 5), Arrays.copyOfRange(record, 5, record.length)).content())
                .isEqualTo(bytes(12, 1));
    }

    @Test
    void rejectsABodyShorterThanExplicitNonceAndTagWithBadRecordMac() {
        Tls12AeadProtection opener = RecordTestSupport.tls12(AeadAlgorithm.AES_128_GCM, Epoch.APPLICATION, 1).get();
        assertThatThrownBy(() -> opener.open(hex("17 03 03 00 17"), new byte[23]))
                .extracting(e -> ((TlsException) e).reason())
                .isEqualTo(Reason.BAD_RECORD_MAC);
    }

    @Test
    void rejectsAnIvOfTheWrongLengthForTheAlgorithm() {
        assertThatThrownBy(() -> new Tls12AeadProtection(Epoch.APPLICATION, aead(AeadAlgorithm.AES_128_GCM, 1), new byte[12]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tls12AeadProtection(Epoch.APPLICATION, aead(AeadAlgorithm.CHACHA20_POLY1305, 1), new byte[4]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAProtectionFromKeyBlockTrafficKeysAndKeepsItsOwnCopies() {
        TrafficKeys keys = new TrafficKeys(AeadAlgorithm.AES_128_GCM, Secret.copyOf(bytes(16, 1)), Secret.copyOf(SALT));
        Tls12AeadProtection sealer = Tls12AeadProtection.create(Epoch.APPLICATION, CryptoProviders.jdk(), keys);
        keys.destroy();
        byte[] record = sealer.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, bytes(5, 5), 0, 5, 0);
        var opener = new Tls12AeadProtection(Epoch.APPLICATION, aead(AeadAlgorithm.AES_128_GCM, 1), SALT);
        assertThat(opener.open(Arrays.copyOf(record, 5), Arrays.copyOfRange(record, 5, record.length)).content()).isEqualTo(bytes(5, 5));
    }
}
