package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.EarlyDataStatus;
import io.tlsmachine.model.server.ServerState;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random 0-RTT runs: early data of random length (up to the ticket's allowance, in several records), all
 * bytes delivered in random pieces both ways; the server must deliver exactly the early data, then the 1-RTT data.
 */
class ZeroRttChunkingTest {

    private static final long SEED = 0x0E4A_2026L;
    private static final int RUNS = 12;

    @Test
    void earlyDataArrivesWholeAndInOrderWhateverTheChunking() {
        SplittableRandom seeds = new SplittableRandom(SEED);
        for (int run = 0; run < RUNS; run++) {
            long seed = seeds.nextLong();
            try {
                runOnce(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("0-RTT chunking run failed with seed " + seed, e);
            }
        }
    }

    private static void runOnce(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TicketStore store = new TicketStore();
        TlsConfig server = EngineFixtures.server(EC).ticketsEnabled(true).maxEarlyDataSize(40_000).build();
        TlsConfig client = EngineFixtures.client(EC).ticketStore(store).build();
        new EngineFixtures.Pair(client, server).handshake();
        byte[] early = new byte[1 + random.nextInt(40_000)];
        random.nextBytes(early);
        byte[] late = new byte[1 + random.nextInt(1000)];
        random.nextBytes(late);

        EngineFixtures.Pair pair = new EngineFixtures.Pair(client, server);
        pair.client.offerEarlyData(early);
        pair.client.beginHandshake();
        boolean lateWritten = false;
        for (int round = 0; round < 64 && !(pair.server.isHandshakeComplete() && lateWritten); round++) {
            feedInPieces(random, pair.client.drainOutbound(), pair.server);
            feedInPieces(random, pair.server.drainOutbound(), pair.client);
            if (pair.client.isHandshakeComplete() && !lateWritten) {
                pair.client.writeApplicationData(late);
                lateWritten = true;
            }
        }
        feedInPieces(random, pair.client.drainOutbound(), pair.server);
        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.client.earlyDataStatus()).isEqualTo(EarlyDataStatus.ACCEPTED);
        assertThat(pair.server.state()).isEqualTo(ServerState.CONNECTED);
        assertThat(pair.server.readEarlyData()).isEqualTo(early);
        assertThat(pair.server.readApplicationData()).isEqualTo(late);
        pair.assertTracesArePathsOfTheModel();
    }

    private static void feedInPieces(SplittableRandom random, byte[] bytes, TlsEngine to) {
        int at = 0;
        while (at < bytes.length) {
            int piece = Math.min(bytes.length - at, 1 + random.nextInt(3000));
            to.feed(Arrays.copyOfRange(bytes, at, at + piece));
            at += piece;
        }
    }
}
