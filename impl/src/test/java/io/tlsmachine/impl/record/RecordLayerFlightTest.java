package io.tlsmachine.impl.record;

import io.tlsmachine.PaddingPolicy;
import io.tlsmachine.model.Epoch;
import static io.tlsmachine.impl.record.RecordTestSupport.bytes;
import static io.tlsmachine.impl.record.RecordTestSupport.concat;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.HandshakeType;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A TLS 1.3 server's first flight and first application data through writer, reader and assembler,
 * with the key changes where RFC 8446 puts them, the way the engine will drive them.
 */
class RecordLayerFlightTest {
    private final Supplier<Tls13AeadProtection> handshakeKeys = RecordTestSupport.tls13(AeadAlgorithm.AES_256_GCM, Epoch.HANDSHAKE, 1);
    private final Supplier<Tls13AeadProtection> applicationKeys = RecordTestSupport.tls13(AeadAlgorithm.AES_256_GCM, Epoch.APPLICATION, 2);

    private static byte[] message(HandshakeType type, int bodyLength) {
        byte[] header = {(byte) type.code(), (byte) (bodyLength >>> 16), (byte) (bodyLength >>> 8), (byte) bodyLength};
        return concat(header, bytes(bodyLength, type.code()));
    }

    private record Delivered(HandshakeType type, Epoch epoch, int length) {
    }

    @Test
    void carriesAServerFlightAcrossTwoKeyChangesWithEachMessageUnderItsEpoch() {
        byte[] serverHello = message(HandshakeType.SERVER_HELLO, 86);
        byte[] encryptedFlight = concat(
                message(HandshakeType.ENCRYPTED_EXTENSIONS, 20),
                message(HandshakeType.CERTIFICATE, 40_000),
                message(HandshakeType.CERTIFICATE_VERIFY, 260),
                message(HandshakeType.FINISHED, 32));
        byte[] applicationData = bytes(20_000, 9);

        RecordWriter writer = new RecordWriter();
        writer.setPaddingPolicy(PaddingPolicy.toBlockSize(256));
        byte[] wire = writer.write(ContentType.HANDSHAKE, serverHello);
        wire = concat(wire, writer.compatibilityChangeCipherSpec());
        writer.setProtection(handshakeKeys.get());
        wire = concat(wire, writer.write(ContentType.HANDSHAKE, encryptedFlight));
        writer.setProtection(applicationKeys.get());
        wire = concat(wire, writer.write(ContentType.APPLICATION_DATA, applicationData));

        RecordReader reader = new RecordReader();
        HandshakeAssembler assembler = new HandshakeAssembler();
        List<Delivered> delivered = new ArrayList<>();
        List<Epoch> applicationDataEpochs = new ArrayList<>();
        int applicationBytes = 0;
        ByteBuffer in = ByteBuffer.wrap(wire);
        ReceivedRecord record;
        while ((record = reader.read(in)) != null) {
            if (!assembler.accept(record)) {
                if (record.type().equals(ContentType.APPLICATION_DATA)) {
                    applicationDataEpochs.add(record.epoch());
                    applicationBytes += record.length();
                }
                continue;
            }
            ReceivedHandshakeMessage message;
            while ((message = assembler.poll()) != null) {
                delivered.add(new Delivered(message.type(), message.epoch(), message.encoded().length));
                // The client's side of RFC 8446 §7.3: keys change after ServerHello and after the server Finished.
                if (message.type().equals(HandshakeType.SERVER_HELLO)) {
                    assembler.onReadKeyChange();
                    reader.setProtection(handshakeKeys.get());
                } else if (message.type().equals(HandshakeType.FINISHED)) {
                    assembler.onReadKeyChange();
                    reader.setProtection(applicationKeys.get());
                }
            }
        }

        assertThat(delivered).containsExactly(
                new Delivered(HandshakeType.SERVER_HELLO, Epoch.PLAINTEXT, 90),
                new Delivered(HandshakeType.ENCRYPTED_EXTENSIONS, Epoch.HANDSHAKE, 24),
                new Delivered(HandshakeType.CERTIFICATE, Epoch.HANDSHAKE, 40_004),
                new Delivered(HandshakeType.CERTIFICATE_VERIFY, Epoch.HANDSHAKE, 264),
                new Delivered(HandshakeType.FINISHED, Epoch.HANDSHAKE, 36));
        assertThat(applicationBytes).isEqualTo(applicationData.length);
        assertThat(applicationDataEpochs).containsOnly(Epoch.APPLICATION).hasSize(2);
        assertThat(in.hasRemaining()).isFalse();
        assertThat(reader.hasPartialRecord()).isFalse();
    }
}
