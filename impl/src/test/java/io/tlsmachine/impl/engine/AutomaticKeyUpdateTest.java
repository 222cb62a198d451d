package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The engine updates its TLS 1.3 write key by itself before the AEAD limit or a configured volume (RFC 8446 §5.5). */
class AutomaticKeyUpdateTest {

    private static final long SEED = 55;

    private static EngineFixtures.Pair connected(TlsConfig client) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client, EngineFixtures.server(EC).build()).handshake();
        assertThat(pair.client.isHandshakeComplete()).isTrue();
        assertThat(pair.server.isHandshakeComplete()).isTrue();
        return pair;
    }

    /** Writes {@code count} seeded chunks of {@code size} bytes from the client; checks the server read them all. */
    private static void writeChunks(EngineFixtures.Pair pair, int count, int size) {
        SplittableRandom random = new SplittableRandom(SEED);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            byte[] chunk = new byte[size];
            random.nextBytes(chunk);
            expected.writeBytes(chunk);
            pair.client.writeApplicationData(chunk);
            pair.pump();
            received.writeBytes(pair.server.readApplicationData());
        }
        assertThat(received.toByteArray()).as("seed %d", SEED).isEqualTo(expected.toByteArray());
    }

    private static long keyUpdatesRequested(EngineFixtures.Pair pair) {
        return pair.clientTrace.stream().filter(t -> t.input() == Input.REQUEST_KEY_UPDATE).count();
    }

    @Test
    void tls13ClientUpdatesItsWriteKeyEachTimeTheConfiguredVolumeWasWritten() {
        int limit = 1000;
        int chunk = 600;
        int chunks = 9;
        EngineFixtures.Pair pair = connected(EngineFixtures.client(EC).keyUpdateAfterBytes(limit).build());
        writeChunks(pair, chunks, chunk);
        long expected = 0;
        long underKey = 0;
        for (int i = 0; i < chunks; i++) {
            if (underKey >= limit) {
                expected++;
                underKey = 0;
            }
            underKey += chunk;
        }
        assertThat(expected).isPositive();
        assertThat(keyUpdatesRequested(pair)).isEqualTo(expected);
        assertThat(pair.serverTrace.stream().filter(t -> t.input() == Input.KEY_UPDATE_REQUESTED).count()).isEqualTo(expected);
        assertThat(pair.client.isFailed()).isFalse();
        assertThat(pair.server.isFailed()).isFalse();
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void withoutAConfiguredVolumeNoKeyUpdateHappensFarBelowTheAeadLimit() {
        EngineFixtures.Pair pair = connected(EngineFixtures.client(EC).build());
        writeChunks(pair, 50, 1000);
        assertThat(keyUpdatesRequested(pair)).isZero();
    }

    @Test
    void tls12HasNoKeyUpdateSoTheVolumeIsIgnored() {
        EngineFixtures.Pair pair = connected(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).keyUpdateAfterBytes(10).build());
        writeChunks(pair, 5, 100);
        assertThat(keyUpdatesRequested(pair)).isZero();
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void keyUpdateAfterBytesMustBePositive() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> TlsConfig.builder().keyUpdateAfterBytes(0));
    }
}
