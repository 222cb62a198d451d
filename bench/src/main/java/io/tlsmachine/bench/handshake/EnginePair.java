package io.tlsmachine.bench.handshake;

import io.tlsmachine.impl.config.TlsConfig;
import io.tlsmachine.impl.engine.TlsEngine;
import java.util.Optional;

/** Two tlsmachine engines back to back: each one's outbound bytes are fed to the other until both are quiet. */
final class EnginePair implements ConnectionPair {

    private static final int MAX_ROUNDS = 16;

    private final TlsEngine client;
    private final TlsEngine server;
    private long serverBytes;

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
            serverBytes += toClient.length;
            server.feed(toServer);
            client.feed(toClient);
        }
        if (!client.isHandshakeComplete() || !server.isHandshakeComplete()) {
            throw new IllegalStateException("handshake did not complete: client " + client.state() + " "
                    + client.failure() + ", server " + server.state() + " " + server.failure());
        }
    }

    @Override
    public long serverHandshakeBytes() {
        return serverBytes;
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

    @Override
    public int transfer(byte[] data) {
        client.writeApplicationData(data);
        server.feed(client.drainOutbound());
        return server.readApplicationData().length;
    }
}
