package io.tlsmachine.bench.handshake;

import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * Two SSLEngines (SunJSSE's, BCJSSE's, our provider's or BoringSSL's through Netty) back to back over in-memory
 * buffers: wrap, hand over, unwrap, run delegated tasks, until a round moves no byte.
 */
final class SslEnginePair implements ConnectionPair {

    private static final int MAX_ROUNDS = 64;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine client;
    private final SSLEngine server;
    private final ByteBuffer toServer;
    private final ByteBuffer toClient;
    private final ByteBuffer clientApp;
    private final ByteBuffer serverApp;
    private final HandshakeTraffic traffic = new HandshakeTraffic();

    /**
     * Wires {@code client} and {@code server} (modes set, not started) back to back, both limited to {@code protocol}
     * and, when not null, {@code suite}.
     */
    SslEnginePair(SSLEngine client, SSLEngine server, String protocol, String suite) {
        this.client = client;
        this.server = server;
        for (SSLEngine engine : new SSLEngine[] {client, server}) {
            engine.setEnabledProtocols(new String[] {protocol});
            if (suite != null) {
                engine.setEnabledCipherSuites(new String[] {suite});
            }
        }
        int net = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        int app = Math.max(client.getSession().getApplicationBufferSize(), server.getSession().getApplicationBufferSize());
        toServer = ByteBuffer.allocate(net * 4);
        toClient = ByteBuffer.allocate(net * 4);
        clientApp = ByteBuffer.allocate(app * 2);
        serverApp = ByteBuffer.allocate(app * 2);
    }

    @Override
    public void handshake() {
        try {
            client.beginHandshake();
            server.beginHandshake();
            for (int round = 0; round < MAX_ROUNDS; round++) {
                long fromClient = wrap(client, toServer);
                long fromServer = wrap(server, toClient);
                traffic.round(fromClient, fromServer);
                long moved = fromClient + fromServer + unwrap(server, toServer, serverApp)
                        + unwrap(client, toClient, clientApp);
                if (moved == 0) {
                    break;
                }
            }
        } catch (SSLException e) {
            throw new IllegalStateException("handshake failed", e);
        }
        if (!established(client) || !established(server)) {
            throw new IllegalStateException("handshake did not complete: client " + client.getHandshakeStatus()
                    + ", server " + server.getHandshakeStatus());
        }
    }

    private static boolean established(SSLEngine engine) {
        return engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                && !"SSL_NULL_WITH_NULL_NULL".equals(engine.getSession().getCipherSuite());
    }

    private static long wrap(SSLEngine engine, ByteBuffer out) throws SSLException {
        long produced = 0;
        while (true) {
            SSLEngineResult result = engine.wrap(EMPTY, out);
            runTasks(engine);
            if (result.bytesProduced() == 0) {
                return produced;
            }
            produced += result.bytesProduced();
        }
    }

    private static long unwrap(SSLEngine engine, ByteBuffer in, ByteBuffer app) throws SSLException {
        in.flip();
        long consumed = 0;
        try {
            while (in.hasRemaining()) {
                SSLEngineResult result = engine.unwrap(in, app);
                runTasks(engine);
                consumed += result.bytesConsumed();
                if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                    break;
                }
            }
        } finally {
            in.compact();
        }
        app.clear();
        return consumed;
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    @Override
    public HandshakeTraffic traffic() {
        return traffic;
    }

    @Override
    public Optional<Boolean> reportsResumed() {
        return Optional.empty();
    }

    @Override
    public Object endpoints() {
        return List.of(client, server);
    }

    @Override
    public String cipherSuite() {
        return client.getSession().getCipherSuite();
    }

    @Override
    public int transfer(byte[] data) {
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            while (in.hasRemaining()) {
                SSLEngineResult sent = client.wrap(in, toServer);
                if (sent.getStatus() != SSLEngineResult.Status.OK) {
                    throw new IllegalStateException("wrap: " + sent);
                }
            }
            toServer.flip();
            int read = 0;
            while (toServer.hasRemaining()) {
                SSLEngineResult received = server.unwrap(toServer, serverApp);
                if (received.getStatus() != SSLEngineResult.Status.OK) {
                    throw new IllegalStateException("unwrap: " + received);
                }
                read += received.bytesProduced();
            }
            toServer.clear();
            serverApp.clear();
            return read;
        } catch (SSLException e) {
            throw new IllegalStateException("transfer failed", e);
        }
    }

    /** Releases BoringSSL's engines (Netty's reference-counted OpenSSL engines); the JSSE ones hold nothing native. */
    @Override
    public void release() {
        ReferenceCountUtil.release(client);
        ReferenceCountUtil.release(server);
    }
}
