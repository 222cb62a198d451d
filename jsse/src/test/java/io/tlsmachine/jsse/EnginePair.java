package io.tlsmachine.jsse;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/**
 * Two SSLEngines connected in memory, pumped as an application would: wrap into a network buffer that grows on
 * BUFFER_OVERFLOW, unwrap from one that collects the peer's bytes (optionally one byte at a time), run delegated
 * tasks; every result is recorded per side. Bounded: a pump that makes no progress fails.
 */
final class EnginePair {
    private static final int MAX_ROUNDS = 200_000;

    final Side client;
    final Side server;

    EnginePair(SSLEngine client, SSLEngine server, boolean direct, boolean byteAtATime) {
        this.client = new Side(client, direct, byteAtATime);
        this.server = new Side(server, direct, byteAtATime);
    }

    /** Runs the handshake until both sides report it finished. */
    void handshake() throws SSLException {
        client.engine.beginHandshake();
        server.engine.beginHandshake();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (client.finished && server.finished && client.idle() && server.idle()) {
                return;
            }
            client.step(server);
            server.step(client);
        }
        throw new AssertionError("handshake made no progress: client " + client.engine.getHandshakeStatus()
                + ", server " + server.engine.getHandshakeStatus());
    }

    /** One side of the pair: its engine, the bytes it received, and its results. */
    static final class Side {
        final SSLEngine engine;
        final List<SSLEngineResult> results = new ArrayList<>();
        private final boolean direct;
        private final boolean byteAtATime;
        private ByteBuffer network;
        private ByteBuffer received;
        private final ByteBuffer pendingFromPeer;
        ByteBuffer application;
        boolean finished;

        Side(SSLEngine engine, boolean direct, boolean byteAtATime) {
            this.engine = engine;
            this.direct = direct;
            this.byteAtATime = byteAtATime;
            this.network = allocate(64);
            this.received = allocate(engine.getSession().getPacketBufferSize());
            this.pendingFromPeer = allocate(1 << 20);
            this.application = allocate(engine.getSession().getApplicationBufferSize());
            received.flip();
            pendingFromPeer.flip();
        }

        ByteBuffer allocate(int size) {
            return direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
        }

        boolean idle() {
            return engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING && !pendingFromPeer.hasRemaining()
                    && !received.hasRemaining();
        }

        void step(Side peer) throws SSLException {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                Runnable task;
                while ((task = engine.getDelegatedTask()) != null) {
                    task.run();
                }
            } else if (status == HandshakeStatus.NEED_WRAP) {
                wrapTo(peer, ByteBuffer.allocate(0));
            } else if (pendingFromPeer.hasRemaining() || received.hasRemaining()) {
                unwrapOnce();
            }
        }

        /** Wraps {@code data} (possibly empty) and hands what it produced to {@code peer}; returns the last result. */
        SSLEngineResult wrapTo(Side peer, ByteBuffer data) throws SSLException {
            SSLEngineResult result;
            while (true) {
                network.clear();
                result = record(engine.wrap(data, network));
                if (result.getStatus() != Status.BUFFER_OVERFLOW) {
                    break;
                }
                network = allocate(Math.max(network.capacity() * 2, engine.getSession().getPacketBufferSize()));
            }
            network.flip();
            peer.accept(network);
            return result;
        }

        void accept(ByteBuffer bytes) {
            pendingFromPeer.compact();
            pendingFromPeer.put(bytes);
            pendingFromPeer.flip();
        }

        /** Moves the peer's bytes into the receive buffer (one byte, or all that fit) and unwraps once. */
        SSLEngineResult unwrapOnce() throws SSLException {
            received.compact();
            int take = byteAtATime ? Math.min(1, pendingFromPeer.remaining())
                    : Math.min(received.remaining(), pendingFromPeer.remaining());
            ByteBuffer slice = pendingFromPeer.duplicate();
            slice.limit(slice.position() + take);
            received.put(slice);
            pendingFromPeer.position(pendingFromPeer.position() + take);
            received.flip();
            return record(engine.unwrap(received, application));
        }

        /** Unwraps until a result other than BUFFER_UNDERFLOW (the peer's bytes arriving one at a time, or at once). */
        SSLEngineResult unwrapRecord() throws SSLException {
            SSLEngineResult result = unwrapOnce();
            while (result.getStatus() == Status.BUFFER_UNDERFLOW && pendingFromPeer.hasRemaining()) {
                result = unwrapOnce();
            }
            return result;
        }

        private SSLEngineResult record(SSLEngineResult result) {
            results.add(result);
            if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                finished = true;
            }
            return result;
        }

        /** Returns and clears the application data received so far. */
        byte[] takeApplicationData() {
            application.flip();
            byte[] data = new byte[application.remaining()];
            application.get(data);
            application.clear();
            return data;
        }
    }
}
