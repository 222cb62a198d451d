package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import static io.tlsmachine.impl.record.RecordTestSupport.hex;
import static io.tlsmachine.impl.record.RecordTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.HandshakeType;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import io.tlsmachine.impl.keyschedule.Tls13Hkdf;
import io.tlsmachine.impl.keyschedule.TrafficKeys;
import io.tlsmachine.impl.keyschedule.TrafficSecret;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The protected records of the "Simple 1-RTT Handshake" trace (TLS_AES_128_GCM_SHA256) in
 * draft-ietf-tls-tls13-vectors (/work/shared/rfc/tls13-vectors-draft-latest.txt), with the traffic
 * keys and IVs printed there; line numbers refer to that file.
 */
class Tls13TraceRecordsTest {
    /** Line 362, 16 octets. */
    private static final byte[] SERVER_HANDSHAKE_KEY = hex(
            "4d 15 c0 0e 47 31 7f e9 9c 71 4f 8e bd 92 c4 d1");
    /** Line 367, 12 octets. */
    private static final byte[] SERVER_HANDSHAKE_IV = hex(
            "18 22 30 84 73 5f 2f 2d 85 88 ca aa");
    /** Line 483, 679 octets. */
    private static final byte[] SERVER_HANDSHAKE_RECORD = hex(
            "17 03 03 02 a2 d8 62 31 e3 99 ee e4 54 4f 58 e5 c9 ff 1d 0d ef 3b aa 47 " +
            "0a e2 ed 0b 12 7c 5d d4 71 71 56 73 ce f7 4b 51 fe ca c0 d9 d3 47 ce 9f " +
            "43 ef e7 72 ad 20 ef dd fa 5b 9a 39 11 76 03 11 27 95 99 83 2e 85 6c eb " +
            "a2 5b dc 80 71 f9 72 28 27 79 85 b9 6f 4e 2b 52 0f 48 b1 29 bd 3f 9b b8 " +
            "e0 ba 5a d5 cb 25 13 b7 d9 15 7f ab 22 fb d5 86 2a 86 31 a1 94 b4 ec e8 " +
            "e3 1d ad e9 e6 d0 19 d5 71 48 33 de 18 11 92 b4 27 a1 0f e4 e9 29 f6 37 " +
            "d5 5c 3e cf 01 82 19 1d ee 94 df 0c de ed 15 dc c6 f1 14 c5 ab dc c0 62 " +
            "63 56 cf e4 dc f0 11 02 2c 0e 6a 24 31 d6 88 bb c8 29 fa 49 5b cb 0e 74 " +
            "56 63 6b 15 3c 9c 79 a4 f8 cb 08 31 64 c5 f5 55 ac 78 b8 84 4a 25 d8 c7 " +
            "b3 f4 0d 72 26 f5 3e 6b 6f 09 76 98 9c 70 a3 27 b6 e7 bf 53 16 a2 0b 8d " +
            "e9 9e 25 ab 7d 5e 2f ab a2 f5 3e f8 f3 71 39 95 02 3e 67 88 59 cd e1 21 " +
            "cf 54 86 25 d6 1f e8 40 f0 c5 74 9f c6 5c 98 4c 54 3a 13 9a 31 85 09 1a " +
            "eb 9e ac a2 4d 26 9a 31 50 1c c5 06 bd f9 b6 20 99 4c 8d c4 bd c9 77 af " +
            "d9 e9 71 fa d4 2e b1 c9 d0 55 45 fc 37 16 4a 12 32 33 e3 70 bb 6a fe f2 " +
            "cb f7 df 71 0c 95 a4 e2 09 82 cc a1 eb fc 67 a6 eb b8 2e 8e e5 91 0a 69 " +
            "ec 08 55 98 ab 49 73 65 c4 08 ac a9 0d 13 fe ea 1d 77 3a f9 89 9f 9e 37 " +
            "b7 41 89 f7 11 ea 08 a9 60 81 0c 44 9c 14 1a b4 ee 2d 49 58 02 10 50 e1 " +
            "bc 43 47 fb fd db 90 e9 24 75 2f 1d f7 6e d1 ce 7c 00 38 ce 11 93 b0 e7 " +
            "2e 05 6c 3e 33 09 14 cb e6 56 b8 0b be bf 03 59 bf 30 1e 06 90 19 74 ba " +
            "ad 55 76 5f 18 6c 7b 1c 13 04 e1 10 11 81 62 93 51 68 2a 0a 96 e2 a8 44 " +
            "2c d6 52 34 d5 5f 4d cd c5 85 c3 a7 29 aa b2 05 59 0a 53 a9 ce 9e 4b 0e " +
            "12 18 f0 95 2c c2 80 6b 5f 46 c5 9d 88 a1 72 da c3 7c 9f 37 af b9 1c ea " +
            "61 66 53 24 b0 6d 3c e7 9d 74 65 d3 23 ca 9c b4 cc d8 d8 ad f2 1e ef de " +
            "6a 24 f3 6f e7 e0 22 13 92 85 de 95 dd 62 83 e1 06 77 3d 11 d0 7d 9b f2 " +
            "7c a9 e9 95 3a 0c 23 73 0b 15 9f f8 aa 00 86 d7 4e 0b a5 55 72 57 c2 f3 " +
            "08 a5 5f f5 4c 9c 48 54 78 86 f9 79 fa 84 1b 8c 2d 6c d7 a1 4e f6 42 dd " +
            "a8 32 ba db a3 4a 35 54 fc d4 09 2d 8d e0 4e 43 2c cb da a4 ea c2 8f 92 " +
            "2a 29 bd 00 a7 d2 6f 50 72 a3 fa 2d a1 a2 28 39 4a 26 a8 05 de e0 90 42 " +
            "27 94 fb 14 76 cf f0");
    /** Line 442, 657 octets. */
    private static final byte[] SERVER_HANDSHAKE_PAYLOAD = hex(
            "08 00 00 24 00 22 00 0a 00 14 00 12 00 1d 00 17 00 18 00 19 01 00 01 01 " +
            "01 02 01 03 01 04 00 1c 00 02 40 01 00 00 00 00 0b 00 01 b9 00 00 01 b5 " +
            "00 01 b0 30 82 01 ac 30 82 01 15 a0 03 02 01 02 02 01 02 30 0d 06 09 2a " +
            "86 48 86 f7 0d 01 01 0b 05 00 30 0e 31 0c 30 0a 06 03 55 04 03 13 03 72 " +
            "73 61 30 1e 17 0d 31 36 30 37 33 30 30 31 32 33 35 39 5a 17 0d 32 36 30 " +
            "37 33 30 30 31 32 33 35 39 5a 30 0e 31 0c 30 0a 06 03 55 04 03 13 03 72 " +
            "73 61 30 81 9f 30 0d 06 09 2a 86 48 86 f7 0d 01 01 01 05 00 03 81 8d 00 " +
            "30 81 89 02 81 81 00 b4 bb 49 8f 82 79 30 3d 98 08 36 39 9b 36 c6 98 8c " +
            "0c 68 de 55 e1 bd b8 26 d3 90 1a 24 61 ea fd 2d e4 9a 91 d0 15 ab bc 9a " +
            "95 13 7a ce 6c 1a f1 9e aa 6a f9 8c 7c ed 43 12 09 98 e1 87 a8 0e e0 cc " +
            "b0 52 4b 1b 01 8c 3e 0b 63 26 4d 44 9a 6d 38 e2 2a 5f da 43 08 46 74 80 " +
            "30 53 0e f0 46 1c 8c a9 d9 ef bf ae 8e a6 d1 d0 3e 2b d1 93 ef f0 ab 9a " +
            "80 02 c4 74 28 a6 d3 5a 8d 88 d7 9f 7f 1e 3f 02 03 01 00 01 a3 1a 30 18 " +
            "30 09 06 03 55 1d 13 04 02 30 00 30 0b 06 03 55 1d 0f 04 04 03 02 05 a0 " +
            "30 0d 06 09 2a 86 48 86 f7 0d 01 01 0b 05 00 03 81 81 00 85 aa d2 a0 e5 " +
            "b9 27 6b 90 8c 65 f7 3a 72 67 17 06 18 a5 4c 5f 8a 7b 33 7d 2d f7 a5 94 " +
            "36 54 17 f2 ea e8 f8 a5 8c 8f 81 72 f9 31 9c f3 6b 7f d6 c5 5b 80 f2 1a " +
            "03 01 51 56 72 60 96 fd 33 5e 5e 67 f2 db f1 02 70 2e 60 8c ca e6 be c1 " +
            "fc 63 a4 2a 99 be 5c 3e b7 10 7c 3c 54 e9 b9 eb 2b d5 20 3b 1c 3b 84 e0 " +
            "a8 b2 f7 59 40 9b a3 ea c9 d9 1d 40 2d cc 0c c8 f8 96 12 29 ac 91 87 b4 " +
            "2b 4d e1 00 00 0f 00 00 84 08 04 00 80 ac e0 af 8e 87 d7 c6 3c c9 db e7 " +
            "dc c1 2f f8 3b d5 5d f0 cc da 9b f4 e5 a0 f7 01 00 d9 bc 4d 25 aa 68 4f " +
            "d9 d3 47 64 2c 94 22 22 52 6e 16 3e 3b 0f ba 31 2b 10 e9 b6 7e b0 ac 9c " +
            "2b e5 fe f4 90 f8 1d 78 27 e3 bc 12 fa 02 7a b4 39 e7 1c c8 45 9c 14 b9 " +
            "4a 8f 35 06 ec 44 54 7d 6c 23 e1 9c c7 f9 d5 e0 d1 f5 95 10 8f c2 40 f5 " +
            "b0 84 2c 48 5a 32 14 87 c4 95 03 77 a5 2e 91 72 94 71 55 67 cd 14 00 00 " +
            "20 4c 92 b1 b2 56 d8 61 a1 83 01 67 82 7d 3e 28 8d 1a 76 f0 34 84 e9 ec " +
            "88 6d 4f f6 61 49 cb ec 2f");
    /** Line 585, 16 octets. */
    private static final byte[] SERVER_APPLICATION_KEY = hex(
            "bb e6 b3 fc 9c 06 8c 6f b3 31 ec a8 aa 91 9b fd");
    /** Line 590, 12 octets. */
    private static final byte[] SERVER_APPLICATION_IV = hex(
            "80 57 dc 46 84 68 21 a1 be a3 06 e0");
    /** Line 792, 227 octets. */
    private static final byte[] NEW_SESSION_TICKET_RECORD = hex(
            "17 03 03 00 de c0 47 d7 b2 5e bb c3 16 eb ee f6 64 85 64 9f 1a 3a 6c 19 " +
            "18 b0 35 c1 83 eb de 6b d3 0c 2b 97 f4 93 5e 32 97 14 bb 08 af 9c 6d 96 " +
            "da 3c 60 44 43 c0 db be ab 8b ee cd 90 af 0c 3d bc 53 ea 1c 49 de eb 68 " +
            "8f 45 f0 f9 e8 cc ee c6 8e bb ad d3 a4 42 59 38 ac d9 9d ca 9e ad 9b 6f " +
            "6a 29 7a 9a a0 d9 ab 91 07 45 f6 73 25 27 81 7f d4 13 4a c5 e9 9c d6 25 " +
            "5e 23 88 c8 9f 83 64 6e 0e 5f be 40 44 aa 5a 55 a3 53 0c a9 8f f5 6e b6 " +
            "b1 dc 68 5e 56 60 a7 5a 82 2e fa e5 33 da ed 34 74 56 08 aa 98 29 ba 84 " +
            "de 3e 7c 4a cf c8 09 4e 39 d2 af 81 74 21 e5 5c 3a a5 d0 e1 de 43 c4 08 " +
            "ba c9 32 25 99 ef 4e 57 df d0 8a 7a f0 d1 18 6c 96 e6 ac 29 9b d0 7f 5e " +
            "e5 b0 56 83 19 64 cb 80 76 8c e5");
    /** Line 822, 72 octets. */
    private static final byte[] SERVER_APPLICATION_DATA_RECORD = hex(
            "17 03 03 00 43 cc 8a 45 07 8c 6c 81 b7 46 1f f5 62 4f 63 12 aa 44 c3 c1 " +
            "01 eb 70 0e 62 48 04 2f 40 ba ca 0d 98 8f ef d1 1e 94 5d 27 c7 c3 64 b5 " +
            "06 85 80 57 19 08 64 6e 59 a8 5e 12 69 0d f1 43 67 10 95 b3 c9 3d 70 5c");
    /** Line 849, 24 octets. */
    private static final byte[] SERVER_ALERT_RECORD = hex(
            "17 03 03 00 13 48 7b 8f bb f3 0c 49 dd 48 17 e3 94 fa 6c 6f 95 81 68 46");
    /** Line 706, 16 octets. */
    private static final byte[] CLIENT_APPLICATION_KEY = hex(
            "d9 2b 3e 9a 88 ea 7f e2 ed 69 aa 9c 8b 62 9e 91");
    /** Line 711, 12 octets. */
    private static final byte[] CLIENT_APPLICATION_IV = hex(
            "37 a8 28 16 1e ad 2b 68 13 ad 0b 13");
    /** Line 811, 72 octets. */
    private static final byte[] CLIENT_APPLICATION_DATA_RECORD = hex(
            "17 03 03 00 43 6f 75 48 3d 5a f7 4e 84 19 fa df d2 14 04 a9 b5 eb a3 6b " +
            "51 70 c5 04 36 6f 2d a8 dd c2 bd 7b fc af 3c be e3 3d 8c 01 72 f0 f8 48 " +
            "5a 1f a5 2d 13 64 25 7c f5 c5 09 ea f3 5c 39 18 9b 52 78 b5 86 1b 01 9f");
    /** Line 834, 24 octets. */
    private static final byte[] CLIENT_ALERT_RECORD = hex(
            "17 03 03 00 13 91 e4 3d 71 d6 25 14 9c 7e 22 1c a9 54 b6 a8 95 8f 12 c0");

    /** Line 304: server_handshake_traffic_secret ("tls13 s hs traffic", expanded). */
    private static final byte[] SERVER_HANDSHAKE_TRAFFIC_SECRET = hex(
            "30 31 e9 c2 c2 6e cc 15 4b c3 68 26 e8 7f ee ff 8f 45 47 df 52 59 67 47 b2 dc ab f9 2b 18 fb 59");

    private static Tls13AeadProtection protection(Epoch epoch, byte[] key, byte[] iv) {
        return new Tls13AeadProtection(epoch, CryptoProviders.jdk().aead(AeadAlgorithm.AES_128_GCM, Secret.copyOf(key)), iv);
    }

    private static byte[] counting(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    @Test
    void decryptsTheServersHandshakeRecordIntoItsFourMessages() {
        RecordReader reader = new RecordReader();
        reader.setProtection(protection(Epoch.HANDSHAKE, SERVER_HANDSHAKE_KEY, SERVER_HANDSHAKE_IV));

        List<ReceivedRecord> records = readAll(reader, SERVER_HANDSHAKE_RECORD);

        assertThat(records).containsExactly(new ReceivedRecord(ContentType.HANDSHAKE, Epoch.HANDSHAKE, SERVER_HANDSHAKE_PAYLOAD));
        HandshakeAssembler assembler = new HandshakeAssembler();
        assembler.accept(records.get(0));
        List<HandshakeType> types = new ArrayList<>();
        ReceivedHandshakeMessage message;
        while ((message = assembler.poll()) != null) {
            types.add(message.type());
        }
        assertThat(types).containsExactly(HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE,
                HandshakeType.CERTIFICATE_VERIFY, HandshakeType.FINISHED);
    }

    @Test
    void encryptsTheServersHandshakeRecordByteForByte() {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(protection(Epoch.HANDSHAKE, SERVER_HANDSHAKE_KEY, SERVER_HANDSHAKE_IV));
        assertThat(writer.write(ContentType.HANDSHAKE, SERVER_HANDSHAKE_PAYLOAD)).isEqualTo(SERVER_HANDSHAKE_RECORD);
    }

    @Test
    void encryptsTheClientsApplicationDataAndAlertRecordsByteForByteWithSequenceNumbersZeroAndOne() {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(protection(Epoch.APPLICATION, CLIENT_APPLICATION_KEY, CLIENT_APPLICATION_IV));
        assertThat(writer.write(ContentType.APPLICATION_DATA, counting(50))).isEqualTo(CLIENT_APPLICATION_DATA_RECORD);
        assertThat(writer.write(ContentType.ALERT, new byte[] {1, 0})).isEqualTo(CLIENT_ALERT_RECORD);
    }

    @Test
    void decryptsTheServersApplicationRecordsInSequence() {
        RecordReader reader = new RecordReader();
        reader.setProtection(protection(Epoch.APPLICATION, SERVER_APPLICATION_KEY, SERVER_APPLICATION_IV));

        List<ReceivedRecord> records = readAll(reader,
                RecordTestSupport.concat(NEW_SESSION_TICKET_RECORD, SERVER_APPLICATION_DATA_RECORD, SERVER_ALERT_RECORD));

        assertThat(records).extracting(ReceivedRecord::type)
                .containsExactly(ContentType.HANDSHAKE, ContentType.APPLICATION_DATA, ContentType.ALERT);
        assertThat(records.get(0).fragment()[0]).isEqualTo((byte) HandshakeType.NEW_SESSION_TICKET.code());
        assertThat(records.get(0).length()).isEqualTo(205);
        assertThat(records.get(1).fragment()).isEqualTo(counting(50));
        assertThat(records.get(2).fragment()).containsExactly(1, 0);
    }

    @Test
    void decryptsTheServersHandshakeRecordWithKeysDerivedByTheKeySchedule() {
        TrafficSecret secret = TrafficSecret.of(
                new Tls13Hkdf(CryptoProviders.jdk(), HashAlgorithm.SHA256), Secret.copyOf(SERVER_HANDSHAKE_TRAFFIC_SECRET));
        TrafficKeys keys = secret.trafficKeys(AeadAlgorithm.AES_128_GCM);
        RecordReader reader = new RecordReader();
        reader.setProtection(Tls13AeadProtection.create(Epoch.HANDSHAKE, CryptoProviders.jdk(), keys));
        keys.destroy();

        assertThat(readAll(reader, SERVER_HANDSHAKE_RECORD))
                .containsExactly(new ReceivedRecord(ContentType.HANDSHAKE, Epoch.HANDSHAKE, SERVER_HANDSHAKE_PAYLOAD));
    }
}
