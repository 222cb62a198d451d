package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * Connects our sans-IO {@link TlsEngine} with a JSSE {@link SSLEngine} in memory: moves records both ways until
 * neither has anything to say (at most 64 rounds), collecting the application data the SSLEngine unwraps. Shared
 * with the verification module's interop suites through impl's test-jar.
 */
public final class SslEnginePump {
    private static final int ROUNDS = 64;

    private final TlsEngine ours;
    private final SSLEngine peer;
    private final ByteArrayOutputStream peerReceived = new ByteArrayOutputStream();
    private ByteBuffer toPeer = ByteBuffer.allocate(0);
    private ByteBuffer peerToSend = ByteBuffer.allocate(0);

    public SslEnginePump(TlsEngine ours, SSLEngine peer) {
        this.ours = ours;
        this.peer = peer;
    }

    /** Queues application data for the SSLEngine to send on the next {@link #run()}. */
    public SslEnginePump peerWrites(byte[] data) {
        ByteBuffer merged = ByteBuffer.allocate(peerToSend.remaining() + data.length);
        merged.put(peerToSend).put(data).flip();
        peerToSend = merged;
        return this;
    }

    /** Returns and forgets what the SSLEngine received so far. */
    public byte[] takePeerReceived() {
        byte[] data = peerReceived.toByteArray();
        peerReceived.reset();
        return data;
    }

    /** Moves bytes until both sides are quiet. */
    public SslEnginePump run() throws SSLException {
        ByteBuffer net = ByteBuffer.allocate(peer.getSession().getPacketBufferSize() * 2);
        ByteBuffer app = ByteBuffer.allocate(peer.getSession().getApplicationBufferSize() * 2);
        for (int round = 0; round < ROUNDS; round++) {
            boolean progress = false;
            byte[] fromOurs = ours.drainOutbound();
            if (fromOurs.length > 0) {
                ByteBuffer merged = ByteBuffer.allocate(toPeer.remaining() + fromOurs.length);
                merged.put(toPeer).put(fromOurs).flip();
                toPeer = merged;
                progress = true;
            }
            while (toPeer.hasRemaining() && !peer.isInboundDone()) {
                app.clear();
                SSLEngineResult result = peer.unwrap(toPeer, app);
                runTasks();
                app.flip();
                byte[] data = new byte[app.remaining()];
                app.get(data);
                peerReceived.writeBytes(data);
                if (result.getStatus() != SSLEngineResult.Status.OK
                        || (result.bytesConsumed() == 0 && result.bytesProduced() == 0)) {
                    break;
                }
                progress = true;
            }
            while (!peer.isOutboundDone() || peer.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                net.clear();
                SSLEngineResult result = peer.wrap(peerToSend, net);
                runTasks();
                net.flip();
                if (net.hasRemaining()) {
                    byte[] bytes = new byte[net.remaining()];
                    net.get(bytes);
                    ours.feed(bytes);
                    progress = true;
                }
                if (result.bytesProduced() == 0 || result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    break;
                }
            }
            if (!progress) {
                return this;
            }
        }
        throw new AssertionError("our engine and the SSLEngine kept talking for " + ROUNDS + " rounds");
    }

    private void runTasks() {
        Runnable task;
        while ((task = peer.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
