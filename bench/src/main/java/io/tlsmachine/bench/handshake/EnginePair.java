package io.tlsmachine.bench.handshake;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsEngine;
import java.nio.ByteBuffer;
import java.util.Optional;

/** Two tlsmachine engines back to back: each one's outbound bytes are fed to the other until both are quiet. */
final class EnginePair implements ConnectionPair {

    private static final int MAX_ROUNDS = 16;

    private final TlsEngine client;
    private final TlsEngine server;
    private final HandshakeTraffic traffic = new HandshakeTraffic();
    /** The server's application buffer, allocated on the first transfer (handshake benchmarks make a pair per op). */
    private ByteBuffer serverApp;

    EnginePair(TlsConfig clientConfig, TlsConfig serverConfig) {
        this.client = TlsEngine.client(clientConfig);
        this.server = TlsEngine.server(serverConfig);
    }

    @Override
    public void handshake() {
        client.beginHandshake();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            byte[] toServer = client.drainOutbound();
            byte[] toClient = server.drainOutbound();
            if (toServer.length == 0 && toClient.length == 0) {
                break;
            }
            traffic.round(toServer.length, toClient.length);
            server.feed(toServer);
            client.feed(toClient);
        }
        if (!client.isHandshakeComplete() || !server.isHandshakeComplete()) {
            throw new IllegalStateException("handshake did not complete: client " + client.state() + " "
                    + client.failure() + ", server " + server.state() + " " + server.failure());
        }
    }

    @Override
    public HandshakeTraffic traffic() {
        return traffic;
    }

    @Override
    public Optional<Boolean> reportsResumed() {
        boolean clientResumed = client.negotiated().orElseThrow().resumed();
        if (clientResumed != server.negotiated().orElseThrow().resumed()) {
            throw new IllegalStateException("client and server disagree on resumption");
        }
        return Optional.of(clientResumed);
    }

    @Override
    public Object endpoints() {
        return java.util.List.of(client, server);
    }

    @Override
    public String cipherSuite() {
        return client.negotiated().orElseThrow().cipherSuite().name();
    }

    /**
     * One application write from client to server, as an application on our sans-IO API does it: the client seals
     * straight into its outbound queue, which it lends to the server's {@code feed} (the transport, no copy); the
     * server opens each record straight into its application data queue, and the plaintext is copied out into
     * {@code serverApp}, as SSLEngine.unwrap copies it into the caller's buffer in {@link SslEnginePair}.
     */
    @Override
    public int transfer(byte[] data) {
        if (serverApp == null) {
            serverApp = ByteBuffer.allocate(64 * 1024);
        }
        client.writeApplicationData(data);
        int read = 0;
        while (client.outboundPending() > 0) {
            client.drainOutboundTo(server::feed);
            while (server.applicationDataAvailable() > 0) {
                serverApp.clear();
                read += server.readApplicationData(serverApp);
            }
        }
        return read;
    }
}
