package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.model.ProtocolVersion;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds seeded arbitrary bytes to fresh engines: the engine either waits for more or fails with a single alert
 * record, and never throws.
 */
class EngineRandomInputTest {

    private static final long SEED = 0x5EED_7153L;
    private static final int RUNS = 1500;

    @Test
    void arbitraryBytesToAFreshClientGiveAtMostOneAlert() {
        TlsConfig config = EngineFixtures.client(EC).random(EngineFixtures.seeded(3)).build();
        check(config, true);
    }

    @Test
    void arbitraryBytesToAFreshServerGiveAtMostOneAlert() {
        TlsConfig config = EngineFixtures.server(EC).random(EngineFixtures.seeded(4)).build();
        check(config, false);
    }

    @Test
    void arbitraryBytesToConnectedEnginesGiveAtMostOneAlertRecord() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (ProtocolVersion version : java.util.List.of(ProtocolVersion.TLS13,
                ProtocolVersion.TLS12)) {
            for (int run = 0; run < 60; run++) {
                EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).versions(version).build(),
                        EngineFixtures.server(EC).build()).handshake();
                TlsEngine target = run % 2 == 0 ? pair.client : pair.server;
                String context = "seed " + (SEED + 1) + " " + version + " run " + run;
                feedWithoutException(target, arbitraryRecords(random), context);
                byte[] out = target.drainOutbound();
                if (target.isFailed() && target.failure().orElseThrow().reason().alertToSend().isPresent()) {
                    int length = ((out[3] & 0xFF) << 8) | (out[4] & 0xFF);
                    assertThat(out).as(context + ": exactly one record").hasSize(5 + length);
                } else {
                    assertThat(out).as(context).isEmpty();
                }
            }
        }
    }

    private static void check(TlsConfig config, boolean client) {
        SplittableRandom random = new SplittableRandom(SEED);
        int failures = 0;
        for (int run = 0; run < RUNS; run++) {
            byte[] input = arbitraryRecords(random);
            TlsEngine engine = client ? TlsEngine.client(config) : TlsEngine.server(config);
            engine.beginHandshake();
            engine.drainOutbound();
            String context = "seed " + SEED + " run " + run;
            // Split the input at a random point: two feeds must behave like any stream.
            int split = random.nextInt(input.length + 1);
            feedWithoutException(engine, java.util.Arrays.copyOfRange(input, 0, split), context);
            feedWithoutException(engine, java.util.Arrays.copyOfRange(input, split, input.length), context);
            byte[] out = engine.drainOutbound();
            if (engine.isFailed() && engine.failure().orElseThrow().reason().alertToSend().isPresent()) {
                failures++;
                assertThat(out).as(context).hasSize(7);
                assertThat(out[0]).as(context + ": an alert record").isEqualTo((byte) 21);
                assertThat(out[5]).as(context + ": fatal").isEqualTo((byte) 2);
            } else {
                assertThat(out).as(context + ": waiting, closed, or failed by the peer's alert: nothing sent").isEmpty();
            }
        }
        assertThat(failures).as("seed " + SEED + ": most arbitrary inputs are rejected").isGreaterThan(RUNS / 2);
    }

    private static void feedWithoutException(TlsEngine engine, byte[] bytes, String context) {
        try {
            engine.feed(bytes);
        } catch (RuntimeException e) {
            throw new AssertionError(context + ": feed threw " + e, e);
        }
    }

    /** Mostly well-framed records of random types and contents, sometimes pure noise. */
    private static byte[] arbitraryRecords(SplittableRandom random) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int records = 1 + random.nextInt(3);
        for (int i = 0; i < records; i++) {
            if (random.nextInt(5) == 0) {
                byte[] noise = new byte[random.nextInt(40)];
                random.nextBytes(noise);
                out.writeBytes(noise);
                continue;
            }
            int type = 20 + random.nextInt(4);
            byte[] body = new byte[random.nextInt(64)];
            random.nextBytes(body);
            if (type == 22 && body.length >= 4) {
                body[0] = (byte) random.nextInt(25);
                body[1] = 0;
                body[2] = 0;
                body[3] = (byte) (body.length - 4);
            }
            out.write(type);
            out.write(3);
            out.write(random.nextInt(5));
            out.write(body.length >> 8);
            out.write(body.length);
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
