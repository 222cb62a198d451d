package io.tlsmachine.impl.record;

import io.tlsmachine.PaddingPolicy;
import io.tlsmachine.model.Epoch;
import static io.tlsmachine.impl.record.RecordTestSupport.bytes;
import static io.tlsmachine.impl.record.RecordTestSupport.concat;
import static io.tlsmachine.impl.record.RecordTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Records sealed with one crypto provider open with the other, in both versions and every AEAD. */
class RecordProtectionCrossProviderTest {
    private static final long SEED = 8446_5246L;

    static Stream<Arguments> providerPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (AeadAlgorithm algorithm : AeadAlgorithm.values()) {
            for (boolean tls13 : new boolean[] {true, false}) {
                pairs.add(Arguments.of(algorithm, tls13, CryptoProviders.jdk(), CryptoProviders.bouncyCastle()));
                pairs.add(Arguments.of(algorithm, tls13, CryptoProviders.bouncyCastle(), CryptoProviders.jdk()));
            }
        }
        return pairs.stream();
    }

    private static RecordProtection protection(AeadAlgorithm algorithm, boolean tls13, CryptoProvider provider) {
        Secret key = Secret.copyOf(bytes(algorithm.keyLength(), 3));
        if (tls13) {
            return new Tls13AeadProtection(Epoch.APPLICATION, provider.aead(algorithm, key), bytes(12, 4));
        }
        int ivLength = algorithm == AeadAlgorithm.CHACHA20_POLY1305 ? 12 : 4;
        return new Tls12AeadProtection(Epoch.APPLICATION, provider.aead(algorithm, key), bytes(ivLength, 4));
    }

    @ParameterizedTest(name = "{0}, TLS 1.3 {1}, {2} to {3}")
    @MethodSource("providerPairs")
    void opensWithOneProviderWhatTheOtherSealed(AeadAlgorithm algorithm, boolean tls13, CryptoProvider sealing, CryptoProvider opening) {
        SplittableRandom random = new SplittableRandom(SEED + algorithm.ordinal());
        RecordWriter writer = new RecordWriter();
        writer.setProtection(protection(algorithm, tls13, sealing));
        writer.setPaddingPolicy(PaddingPolicy.toBlockSize(64));
        RecordReader reader = new RecordReader();
        reader.setProtection(protection(algorithm, tls13, opening));
        for (int i = 0; i < 10; i++) {
            byte[] content = new byte[random.nextInt(40_000)];
            random.nextBytes(content);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            readAll(reader, writer.write(ContentType.APPLICATION_DATA, content)).forEach(r -> received.writeBytes(r.fragment()));
            assertThat(received.toByteArray()).as("seed %d, message %d", SEED + algorithm.ordinal(), i).isEqualTo(content);
        }
    }

    static Stream<Arguments> earlyDataSkipping() {
        List<Arguments> cases = new ArrayList<>();
        for (AeadAlgorithm algorithm : AeadAlgorithm.values()) {
            cases.add(Arguments.of(algorithm, CryptoProviders.jdk()));
            cases.add(Arguments.of(algorithm, CryptoProviders.bouncyCastle()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("earlyDataSkipping")
    void skipsSeveralUndecryptableEarlyDataRecordsUnderOneSequenceNumber(AeadAlgorithm algorithm, CryptoProvider provider) {
        byte[] iv = bytes(12, 4);
        var early = new Tls13AeadProtection(Epoch.EARLY, provider.aead(algorithm, Secret.copyOf(bytes(algorithm.keyLength(), 1))), iv);
        var handshakeSealer = new Tls13AeadProtection(Epoch.HANDSHAKE, provider.aead(algorithm, Secret.copyOf(bytes(algorithm.keyLength(), 2))), iv);
        byte[] stream = concat(
                early.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, bytes(50, 1), 0, 50, 0),
                early.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, bytes(50, 2), 0, 50, 0),
                early.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12, bytes(50, 3), 0, 50, 0),
                handshakeSealer.seal(ContentType.HANDSHAKE, VersionCode.TLS12, bytes(36, 4), 0, 36, 0));
        RecordReader reader = new RecordReader();
        reader.setProtection(new Tls13AeadProtection(Epoch.HANDSHAKE,
                provider.aead(algorithm, Secret.copyOf(bytes(algorithm.keyLength(), 2))), iv));
        reader.skipRejectedEarlyData(150);
        assertThat(readAll(reader, stream)).containsExactly(new ReceivedRecord(ContentType.HANDSHAKE, Epoch.HANDSHAKE, bytes(36, 4)));
    }
}
