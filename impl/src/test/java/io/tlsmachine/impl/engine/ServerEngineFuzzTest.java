package io.tlsmachine.impl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.fuzz.FuzzTarget;
import io.tlsmachine.impl.fuzz.SeedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jazzer target for the server engine: fuzzed peer records at every point of recorded TLS 1.3 and TLS 1.2
 * handshakes (see {@link EngineFuzzing} for the input layout and the oracle).
 */
class ServerEngineFuzzTest {

    /**
     * Records the handshakes (and so initialises the model's machines) before any input: Jazzer turns its hooks on only
     * around each input, and Squirrel's machine, declared and warmed in the model's static initialiser, declined its
     * warm-up CONNECT when that ran under them.
     */
    @BeforeAll
    static void recordHandshakes() {
        EngineFuzzing.cuts(EngineFuzzing.Side.SERVER);
    }

    @FuzzTarget
    void peerRecordsEndInProgressOrOneAlert(byte[] input) {
        EngineFuzzing.run(EngineFuzzing.Side.SERVER, input);
    }

    /** The committed seeds are each cut's genuine continuation: replayed whole, they complete the connection. */
    @Test
    void committedSeedsCoverEveryCut() {
        var seeds = EngineFuzzing.seeds(EngineFuzzing.Side.SERVER);
        SeedFiles.writeIfAsked(ServerEngineFuzzTest.class, "peerRecordsEndInProgressOrOneAlert", seeds);
        assertThat(SeedFiles.committed(ServerEngineFuzzTest.class, "peerRecordsEndInProgressOrOneAlert"))
                .as("a committed seed per cut and mode (regenerate: -Dtlsm.fuzz.writeSeeds=true)")
                .containsAll(seeds.keySet());
    }
}
