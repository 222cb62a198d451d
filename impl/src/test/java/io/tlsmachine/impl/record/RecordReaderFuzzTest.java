package io.tlsmachine.impl.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.fuzz.FuzzOracle;
import io.tlsmachine.impl.fuzz.FuzzTarget;
import io.tlsmachine.impl.fuzz.SeedFiles;
import io.tlsmachine.impl.codec.RandomValues;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.impl.codec.message.MessageGenerator;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import io.tlsmachine.model.Epoch;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Jazzer target for the record layer: {@link RecordReader} without keys and with TLS 1.3 and TLS 1.2 AEAD keys,
 * followed by the {@link HandshakeAssembler}, fed in pieces whose size the fuzzer picks.
 *
 * <p>Input layout: byte 0 picks the keys (low bits) and, under keys, whether the rest is the raw stream (framing and
 * tag failures) or a list of {@code length(2)} records to seal with the reader's key (high bit: TLS 1.3 the whole
 * TLSInnerPlaintext, so the content type and padding rules are fuzzed past the AEAD; TLS 1.2 a type byte and the
 * content); bytes 1 and 2 the size of each piece fed.
 *
 * <p>Oracle: only records and handshake messages, or a {@link TlsException} with an alert to send; a read consumes at
 * most one maximal record; a plaintext record delivers exactly its header's type and body; a sealed TLS 1.3 record
 * delivers exactly its inner content without the padding; no record over 2^14 bytes; bounded allocation.
 */
class RecordReaderFuzzTest {
    private static final int SEED = 11;

    private enum Keys { NONE, TLS13_AES_128_GCM, TLS13_CHACHA20, TLS12_AES_256_GCM }

    @FuzzTarget
    void deliversRecordsOrFailsWithAnAlert(byte[] input) {
        if (input.length < 3) {
            return;
        }
        // A reader holds at most one header and one record body; the rest is the keys and the sealing: 2 MiB plus a multiple
        // of the input, far below the 16 MiB a trusted length field could ask for.
        FuzzOracle.withinAllocation("reading " + input.length + " bytes", (2 << 20) + 32L * input.length,
                () -> {
                    read(input);
                    return null;
                });
    }

    private static void read(byte[] input) {
        Keys keys = Keys.values()[(input[0] & 0x7F) % Keys.values().length];
        boolean sealInner = keys != Keys.NONE && (input[0] & 0x80) != 0;
        int piece = 1 + (((input[1] & 0xFF) << 8 | (input[2] & 0xFF)) % (RecordLimits.MAX_RECORD_LENGTH + 8));
        byte[] payload = Arrays.copyOfRange(input, 3, input.length);
        RecordReader reader = new RecordReader();
        reader.setProtection(protection(keys));
        Map<Integer, byte[]> inners = new HashMap<>();
        byte[] stream = sealInner ? sealed(keys, payload, inners) : payload;
        HandshakeAssembler assembler = new HandshakeAssembler();
        int recordStart = 0;
        int consumed = 0;
        try {
            while (consumed < stream.length) {
                ByteBuffer in = ByteBuffer.wrap(stream, consumed, Math.min(piece, stream.length - consumed));
                while (true) {
                    int before = in.position();
                    ReceivedRecord record = reader.read(in);
                    assertThat(in.position() - before).isLessThanOrEqualTo(RecordLimits.MAX_RECORD_LENGTH);
                    if (record == null) {
                        break;
                    }
                    int recordEnd = in.position();
                    assertThat(record.length()).isLessThanOrEqualTo(RecordLimits.MAX_PLAINTEXT_LENGTH);
                    if (keys == Keys.NONE) {
                        assertPlaintextRecordIsItsBytes(stream, recordStart, recordEnd, record);
                    } else if (inners.containsKey(recordStart)) {
                        assertInnerContentDelivered(inners.get(recordStart), record);
                    }
                    recordStart = recordEnd;
                    if (record.type().equals(ContentType.HANDSHAKE)) {
                        assembler.accept(record);
                        ReceivedHandshakeMessage message;
                        while ((message = assembler.poll()) != null) {
                            assertThat(message.encoded().length)
                                    .isLessThanOrEqualTo(HandshakeAssembler.DEFAULT_MAX_CERTIFICATE_MESSAGE_LENGTH);
                        }
                    }
                }
                consumed = in.position();
            }
        } catch (TlsException rejected) {
            FuzzOracle.assertTurnsIntoAnAlert(rejected);
        }
    }

    private static RecordProtection protection(Keys keys) {
        return switch (keys) {
            case NONE -> PlaintextProtection.INSTANCE;
            case TLS13_AES_128_GCM -> RecordTestSupport.tls13(AeadAlgorithm.AES_128_GCM, Epoch.APPLICATION, SEED).get();
            case TLS13_CHACHA20 -> RecordTestSupport.tls13(AeadAlgorithm.CHACHA20_POLY1305, Epoch.HANDSHAKE, SEED).get();
            case TLS12_AES_256_GCM -> RecordTestSupport.tls12(AeadAlgorithm.AES_256_GCM, Epoch.APPLICATION, SEED).get();
        };
    }

    /**
     * Records the fuzzer describes, sealed in order: each is {@code length(2)} then, for TLS 1.3, the whole
     * TLSInnerPlaintext, for TLS 1.2 a type byte and the content.
     */
    private static byte[] sealed(Keys keys, byte[] payload, Map<Integer, byte[]> inners) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordProtection sealer = keys == Keys.TLS12_AES_256_GCM ? protection(keys) : null;
        int at = 0;
        for (long sequence = 0; at + 2 <= payload.length && sequence < 64; sequence++) {
            int length = Math.min((payload[at] & 0xFF) << 8 | (payload[at + 1] & 0xFF), payload.length - at - 2);
            byte[] described = Arrays.copyOfRange(payload, at + 2, at + 2 + length);
            at += 2 + length;
            if (keys == Keys.TLS12_AES_256_GCM) {
                if (described.length == 0) {
                    continue;
                }
                ContentType type = TYPES[(described[0] & 0xFF) % TYPES.length];
                int contentLength = Math.min(described.length - 1, RecordLimits.MAX_PLAINTEXT_LENGTH);
                out.writeBytes(sealer.seal(type, VersionCode.TLS12, described, 1, contentLength, 0));
            } else {
                byte[] inner = Arrays.copyOf(described, Math.min(described.length, RecordLimits.TLS13_MAX_CIPHERTEXT_LENGTH - 16));
                inners.put(out.size(), inner);
                out.writeBytes(RecordTestSupport.rawTls13Record(algorithm(keys), SEED, sequence, inner));
            }
        }
        return out.toByteArray();
    }

    private static final ContentType[] TYPES = {
        ContentType.HANDSHAKE, ContentType.ALERT, ContentType.APPLICATION_DATA, ContentType.CHANGE_CIPHER_SPEC};

    private static AeadAlgorithm algorithm(Keys keys) {
        return keys == Keys.TLS13_AES_128_GCM ? AeadAlgorithm.AES_128_GCM : AeadAlgorithm.CHACHA20_POLY1305;
    }

    private static void assertPlaintextRecordIsItsBytes(byte[] stream, int start, int end, ReceivedRecord record) {
        assertThat(record.type().code()).as("type").isEqualTo(stream[start] & 0xFF);
        assertThat(record.fragment()).as("body").isEqualTo(Arrays.copyOfRange(stream, start + RecordLimits.HEADER_LENGTH, end));
    }

    /** RFC 8446 §5.4: the content is the inner plaintext up to its last non-zero byte, which is the type. */
    private static void assertInnerContentDelivered(byte[] inner, ReceivedRecord record) {
        int last = inner.length - 1;
        while (inner[last] == 0) {
            last--;
        }
        assertThat(record.type().code()).as("inner type").isEqualTo(inner[last] & 0xFF);
        assertThat(record.fragment()).as("inner content").isEqualTo(Arrays.copyOf(inner, last));
    }

    /** Seeds: generated handshake messages with an alert and a change_cipher_spec, per key and mode, whole and bytewise. */
    static Map<String, byte[]> seeds() {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ByteArrayOutputStream tls13 = new ByteArrayOutputStream();
        ByteArrayOutputStream tls12 = new ByteArrayOutputStream();
        for (int i = 0; i < 6; i++) {
            byte[] message = HandshakeCodec.encode(MessageGenerator.KINDS.get(i).generator().apply(new RandomValues(i)));
            plain.writeBytes(RecordTestSupport.plaintextRecord(ContentType.HANDSHAKE, message));
            described(tls13, RecordTestSupport.concat(message, new byte[] {22}, new byte[i]));
            described(tls12, RecordTestSupport.concat(new byte[] {0}, message));
        }
        plain.writeBytes(RecordTestSupport.plaintextRecord(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}));
        plain.writeBytes(RecordTestSupport.plaintextRecord(ContentType.ALERT, new byte[] {1, 0}));
        described(tls13, new byte[] {'h', 'i', 23});
        described(tls13, new byte[] {1, 0, 21, 0, 0});
        described(tls12, new byte[] {2, 'h', 'i'});
        described(tls12, new byte[] {1, 1, 0});
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (int piece : new int[] {0xFFFF, 0}) {
            String size = piece == 0 ? "-bytewise" : "-whole";
            seeds.put("plaintext" + size, seed(Keys.NONE, false, piece, plain.toByteArray()));
            seeds.put("tls13-aes-sealed" + size, seed(Keys.TLS13_AES_128_GCM, true, piece, tls13.toByteArray()));
            seeds.put("tls13-chacha-sealed" + size, seed(Keys.TLS13_CHACHA20, true, piece, tls13.toByteArray()));
            seeds.put("tls12-aes-sealed" + size, seed(Keys.TLS12_AES_256_GCM, true, piece, tls12.toByteArray()));
            seeds.put("tls13-aes-raw" + size, seed(Keys.TLS13_AES_128_GCM, false, piece,
                    RecordTestSupport.rawTls13Record(AeadAlgorithm.AES_128_GCM, SEED, 0, new byte[] {1, 2, 3, 23})));
        }
        return seeds;
    }

    private static void described(ByteArrayOutputStream out, byte[] record) {
        out.write(record.length >>> 8);
        out.write(record.length);
        out.writeBytes(record);
    }

    private static byte[] seed(Keys keys, boolean sealInner, int piece, byte[] payload) {
        return RecordTestSupport.concat(new byte[] {(byte) (keys.ordinal() | (sealInner ? 0x80 : 0)), (byte) (piece >>> 8),
            (byte) piece}, payload);
    }

    @Test
    void committedSeedsCoverEveryKeyAndMode() {
        SeedFiles.writeIfAsked(RecordReaderFuzzTest.class, "deliversRecordsOrFailsWithAnAlert", seeds());
        assertThat(SeedFiles.committed(RecordReaderFuzzTest.class, "deliversRecordsOrFailsWithAnAlert"))
                .as("a committed seed per key and mode (regenerate: -Dtlsm.fuzz.writeSeeds=true)")
                .containsAll(seeds().keySet());
    }
}
