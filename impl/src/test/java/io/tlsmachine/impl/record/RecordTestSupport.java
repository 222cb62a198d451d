package io.tlsmachine.impl.record;

import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.CryptoProviders;
import io.tlsmachine.impl.crypto.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Keys, hex and feeding helpers shared by the record layer tests. */
final class RecordTestSupport {
    private RecordTestSupport() {
    }

    /** Decodes hex, ignoring whitespace (so RFC trace dumps paste as they are). */
    static byte[] hex(String text) {
        String digits = text.replaceAll("\\s+", "");
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    static byte[] bytes(int length, int seed) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (seed + 31 * i);
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** An AEAD keyed with a key derived from {@code seed}. */
    static Aead aead(AeadAlgorithm algorithm, int seed) {
        return CryptoProviders.jdk().aead(algorithm, Secret.copyOf(bytes(algorithm.keyLength(), seed)));
    }

    /** A matching pair of TLS 1.3 protections (one to seal, one to open) with the same key and IV. */
    static Supplier<Tls13AeadProtection> tls13(AeadAlgorithm algorithm, RecordEpoch epoch, int seed) {
        byte[] iv = bytes(algorithm.nonceLength(), seed + 7);
        return () -> new Tls13AeadProtection(epoch, aead(algorithm, seed), iv);
    }

    /** A supplier of TLS 1.2 protections sharing one key and IV. */
    static Supplier<Tls12AeadProtection> tls12(AeadAlgorithm algorithm, RecordEpoch epoch, int seed) {
        int ivLength = algorithm == AeadAlgorithm.CHACHA20_POLY1305 ? 12 : 4;
        byte[] iv = bytes(ivLength, seed + 7);
        return () -> new Tls12AeadProtection(epoch, aead(algorithm, seed), iv);
    }

    /** Feeds {@code stream} to {@code reader} in one piece and returns every record. */
    static List<ReceivedRecord> readAll(RecordReader reader, byte[] stream) {
        ByteBuffer in = ByteBuffer.wrap(stream);
        List<ReceivedRecord> records = new ArrayList<>();
        ReceivedRecord record;
        while ((record = reader.read(in)) != null) {
            records.add(record);
        }
        return records;
    }
}
