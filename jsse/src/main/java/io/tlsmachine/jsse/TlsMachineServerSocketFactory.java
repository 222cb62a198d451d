package io.tlsmachine.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

/** Makes {@link TlsMachineServerSocket}s of one SSLContext. */
final class TlsMachineServerSocketFactory extends SSLServerSocketFactory {
    /** The backlog when none is given (as {@link ServerSocket}'s). */
    private static final int DEFAULT_BACKLOG = 50;

    private final EngineSource engines;

    TlsMachineServerSocketFactory(EngineSource engines) {
        this.engines = engines;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return JsseProtocols.defaultSuiteNames();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return JsseProtocols.supportedSuites();
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new TlsMachineServerSocket(engines);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return createServerSocket(port, DEFAULT_BACKLOG, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return createServerSocket(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return SocketSetup.closedOnFailure(new TlsMachineServerSocket(engines),
                socket -> socket.bind(new InetSocketAddress(address, port), backlog));
    }
}
