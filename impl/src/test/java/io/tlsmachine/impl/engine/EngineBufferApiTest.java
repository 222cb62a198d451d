package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.CryptoBackend;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The caller-buffer API of {@link TlsEngine}: writes from arrays and buffers, outbound bytes drained into or lent to
 * the caller, received application data read into the caller's buffer, in pieces of any size.
 */
class EngineBufferApiTest {

    @Test
    void applicationDataCrossesThroughCallerBuffersOfAnySize() {
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            for (CryptoBackend crypto : List.of(CryptoBackend.JDK, CryptoBackend.BOUNCY_CASTLE)) {
                long seed = 31L * version.ordinal() + (crypto == CryptoBackend.JDK ? 1 : 2);
                SplittableRandom random = new SplittableRandom(seed);
                EngineFixtures.Pair pair = new EngineFixtures.Pair(
                        EngineFixtures.client(EC).versions(version).crypto(crypto).build(),
                        EngineFixtures.server(EC).crypto(crypto).build()).handshake();
                ByteArrayOutputStream sent = new ByteArrayOutputStream();
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                for (int write = 0; write < 25; write++) {
                    byte[] data = new byte[random.nextInt(40_000)];
                    random.nextBytes(data);
                    int offset = data.length == 0 ? 0 : random.nextInt(data.length);
                    pair.client.writeApplicationData(data, offset, data.length - offset);
                    sent.write(data, offset, data.length - offset);
                    carry(pair, random, received);
                }
                assertThat(Arrays.equals(received.toByteArray(), sent.toByteArray()))
                        .as("%s %s seed %d", version, crypto, seed).isTrue();
                assertThat(pair.server.applicationDataAvailable()).isZero();
                pair.assertTracesArePathsOfTheModel();
            }
        }
    }

    /** Moves the client's records to the server in random pieces, reading into small buffers as data arrives. */
    private static void carry(EngineFixtures.Pair pair, SplittableRandom random, ByteArrayOutputStream received) {
        while (pair.client.outboundPending() > 0) {
            ByteBuffer wire = ByteBuffer.allocate(1 + random.nextInt(20_000));
            pair.client.drainOutbound(wire);
            wire.flip();
            while (wire.hasRemaining()) {
                ByteBuffer piece = wire.slice();
                piece.limit(Math.min(piece.remaining(), 1 + random.nextInt(9_000)));
                wire.position(wire.position() + piece.remaining());
                pair.server.feed(piece);
                assertThat(piece.hasRemaining()).isFalse();
            }
            while (pair.server.applicationDataAvailable() > 0) {
                ByteBuffer app = ByteBuffer.allocate(1 + random.nextInt(12_000));
                int count = pair.server.readApplicationData(app);
                assertThat(count).isEqualTo(app.position());
                received.write(app.array(), 0, count);
            }
        }
    }

    @Test
    void lendingTheOutboundQueueKeepsWhatTheSinkDidNotConsume() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(),
                EngineFixtures.server(EC).build()).handshake();
        pair.client.writeApplicationData(new byte[] {1, 2, 3, 4, 5});
        int pending = pair.client.outboundPending();

        int first = pair.client.drainOutboundTo(view -> {
            ByteBuffer half = view.slice();
            half.limit(view.remaining() / 2);
            view.position(view.position() + half.remaining());
            pair.server.feed(half);
        });
        int second = pair.client.drainOutboundTo(pair.server::feed);

        assertThat(first + second).isEqualTo(pending);
        assertThat(pair.client.outboundPending()).isZero();
        assertThat(pair.server.readApplicationData()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void theCallersArrayIsNotKeptSoItMayBeReusedAtOnce() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(),
                EngineFixtures.server(EC).build()).handshake();
        byte[] data = {10, 20, 30};

        pair.client.writeApplicationData(data);
        Arrays.fill(data, (byte) 0);
        pair.pump();

        assertThat(pair.server.readApplicationData()).containsExactly(10, 20, 30);
    }

    @Test
    void aDirectBufferIsWrittenAndConsumed() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(),
                EngineFixtures.server(EC).build()).handshake();
        ByteBuffer direct = ByteBuffer.allocateDirect(3000);
        for (int i = 0; i < 3000; i++) {
            direct.put((byte) i);
        }
        direct.flip();

        pair.client.writeApplicationData(direct);
        pair.pump();

        assertThat(direct.hasRemaining()).isFalse();
        byte[] received = pair.server.readApplicationData();
        assertThat(received).hasSize(3000);
        assertThat(received[2999]).isEqualTo((byte) 2999);
    }
}
