package io.tlsmachine.bench.handshake;

import io.netty.handler.ssl.SslProvider;
import io.tlsmachine.testkit.TestPki;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link EchoServer} and its {@link EchoClients} of one stack on loopback, TLS 1.3 with a fresh ECDSA P-256
 * hierarchy, every handshake checked against one {@link HandshakeProof}; keeps the first failure of either side.
 */
final class EchoLoopback implements AutoCloseable {

    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final EchoServer server;
    private final EchoClients clients;

    /**
     * Starts the server; {@code group} is the one the stack is set up with where it can be told (BoringSSL),
     * {@code proved} the one every handshake must show.
     */
    EchoLoopback(Stack stack, BenchGroup group, BenchGroup proved) throws InterruptedException {
        TestPki.Hierarchy pki = BenchPki.hierarchy("ec");
        NettyContexts contexts = NettyContexts.of(stack, pki, group, SslProvider.OPENSSL_REFCNT);
        HandshakeProof proof = new HandshakeProof(BenchPki.chainBytes(pki), proved);
        server = new EchoServer(contexts.server(), proof, failure);
        clients = new EchoClients(contexts, server.address(), proof, failure);
    }

    /** Starts the load: one bulk connection, or {@code connections} handshake loops; returns the clients. */
    EchoClients start(boolean bulk, int connections) {
        if (bulk) {
            clients.startBulk();
        } else {
            clients.startHandshakes(connections);
        }
        return clients;
    }

    /** Returns the first failure of a handshake, its proof or a client, or null. */
    Throwable failure() {
        return failure.get();
    }

    /** Stops the clients (letting open connections end), then the server. */
    @Override
    public void close() throws InterruptedException {
        try {
            clients.close();
        } finally {
            server.close();
        }
    }
}
