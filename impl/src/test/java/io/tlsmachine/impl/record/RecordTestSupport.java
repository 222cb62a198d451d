package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

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
    static Supplier<Tls13AeadProtection> tls13(AeadAlgorithm algorithm, Epoch epoch, int seed) {
        byte[] iv = bytes(algorithm.nonceLength(), seed + 7);
        return () -> new Tls13AeadProtection(epoch, aead(algorithm, seed), iv);
    }

    /** A supplier of TLS 1.2 protections sharing one key and IV. */
    static Supplier<Tls12AeadProtection> tls12(AeadAlgorithm algorithm, Epoch epoch, int seed) {
        int ivLength = algorithm == AeadAlgorithm.CHACHA20_POLY1305 ? 12 : 4;
        byte[] iv = bytes(ivLength, seed + 7);
        return () -> new Tls12AeadProtection(epoch, aead(algorithm, seed), iv);
    }

    /** Asserts that {@code call} fails with a TlsException of {@code reason}. */
    static void assertFails(Reason reason, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(TlsException.class)
                .extracting(e -> ((TlsException) e).reason())
                .isEqualTo(reason);
    }

    /** A plaintext record with the given header fields. */
    static byte[] plaintextRecord(ContentType type, byte[] content) {
        return PlaintextProtection.INSTANCE.seal(type, VersionCode.TLS12, content, 0, content.length, 0);
    }

    /**
     * A TLS 1.3 record whose TLSInnerPlaintext is exactly {@code innerPlaintext} (even when no
     * well-behaved sender would produce it), sealed with the key and IV of {@link #tls13} for {@code seed}.
     */
    static byte[] rawTls13Record(AeadAlgorithm algorithm, int seed, long sequenceNumber, byte[] innerPlaintext) {
        int bodyLength = innerPlaintext.length + algorithm.tagLength();
        byte[] header = {0x17, 0x03, 0x03, (byte) (bodyLength >>> 8), (byte) bodyLength};
        byte[] nonce = Tls13AeadProtection.nonce(bytes(algorithm.nonceLength(), seed + 7), sequenceNumber);
        return concat(header, aead(algorithm, seed).seal(nonce, header, innerPlaintext));
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
