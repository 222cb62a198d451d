package io.tlsmachine;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.testkit.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/** Loopback peers for the {@link TlsNioServer} tests: a test PKI, configurations and a client over a channel. */
final class NioTestPeers {
    static final String HOST = "localhost";
    static final TestPki.Hierarchy PKI = new TestPki(new SecureRandom()).hierarchy("Nio test",
            CertificateKeyType.EC_P256, HOST, Instant.now());

    private NioTestPeers() {
    }

    static TlsConfig serverConfig() {
        return TlsConfig.builder().certifiedKey(PKI.certifiedLeaf()).build();
    }

    static TlsConfig clientConfig() {
        return TlsConfig.builder().serverName(HOST).certificateVerifier(CertificateVerifier.pkix(PKI.anchors())).build();
    }

    static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** A client engine and its blocking socket. */
    record Peer(Socket socket, TlsEngine engine) {
        /** Sends what the engine queued. */
        void flush() throws IOException {
            byte[] out = engine.drainOutbound();
            if (out.length > 0) {
                socket.getOutputStream().write(out);
            }
        }

        /** Reads once (within the socket's timeout) and feeds the engine; false at end of stream. */
        boolean readOnce(byte[] buffer) throws IOException {
            int n = socket.getInputStream().read(buffer);
            if (n < 0) {
                return false;
            }
            engine.feed(ByteBuffer.wrap(buffer, 0, n));
            return true;
        }

        /** Writes {@code data} and reads until that many bytes came back (the server echoes). */
        byte[] echo(byte[] data) throws IOException {
            engine.writeApplicationData(data);
            flush();
            byte[] buffer = new byte[1 << 15];
            ByteBuffer received = ByteBuffer.allocate(data.length);
            while (received.hasRemaining() && readOnce(buffer)) {
                byte[] chunk = engine.readApplicationData();
                received.put(chunk, 0, Math.min(chunk.length, received.remaining()));
            }
            return received.array();
        }
    }

    /** Opens a socket to the server whose reads time out after {@code timeout}. */
    static Socket connect(int port, Duration timeout) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) timeout.toMillis());
        return socket;
    }

    /** Connects and completes the handshake (our Finished sent) within {@code timeout}. */
    static Peer handshake(int port, Duration timeout) throws IOException {
        return handshake(port, timeout, clientConfig());
    }

    /** Connects with {@code config} and completes the handshake (our Finished sent) within {@code timeout}. */
    static Peer handshake(int port, Duration timeout, TlsConfig config) throws IOException {
        Peer peer = new Peer(connect(port, timeout), TlsEngine.client(config));
        peer.engine().beginHandshake();
        peer.flush();
        byte[] buffer = new byte[1 << 15];
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!peer.engine().isHandshakeComplete()) {
            if (System.nanoTime() > deadline || peer.engine().isFailed() || !peer.readOnce(buffer)) {
                peer.socket().close();
                throw new IOException("the handshake ended in " + peer.engine().state());
            }
            peer.flush();
        }
        peer.flush();
        return peer;
    }
}
