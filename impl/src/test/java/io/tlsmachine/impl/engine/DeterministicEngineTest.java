package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks that seeded randomness makes a whole connection reproducible, byte for byte. */
class DeterministicEngineTest {

    private static List<byte[]> run(ProtocolVersion version, long seed) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(
                EngineFixtures.client(EC).versions(version).random(EngineFixtures.seeded(seed)).build(),
                EngineFixtures.server(EC).random(EngineFixtures.seeded(seed + 1)).build()).handshake();
        pair.client.writeApplicationData(new byte[] {1, 2, 3});
        pair.pump();
        assertThat(pair.client.isHandshakeComplete()).isTrue();
        List<byte[]> wire = new java.util.ArrayList<>(pair.clientToServer);
        wire.addAll(pair.serverToClient);
        return wire;
    }

    @Test
    void sameSeedsGiveIdenticalBytesTwice() {
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            List<byte[]> first = run(version, 42);
            List<byte[]> second = run(version, 42);
            assertThat(second).hasSameSizeAs(first);
            for (int i = 0; i < first.size(); i++) {
                assertThat(second.get(i)).as("%s flight %d", version, i).isEqualTo(first.get(i));
            }
            assertThat(run(version, 43).get(0)).as("another seed gives another ClientHello").isNotEqualTo(first.get(0));
        }
    }
}
