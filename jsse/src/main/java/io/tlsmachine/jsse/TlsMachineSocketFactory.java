package io.tlsmachine.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/** Makes client {@link TlsMachineSocket}s of one SSLContext: connected, unconnected, or layered over a socket. */
final class TlsMachineSocketFactory extends SSLSocketFactory {
    private final EngineSource engines;

    TlsMachineSocketFactory(EngineSource engines) {
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
    public Socket createSocket() {
        return TlsMachineSocket.unconnected(engines);
    }

    @Override
    public Socket createSocket(Socket transport, String host, int port, boolean autoClose) throws IOException {
        return TlsMachineSocket.layered(engines, transport, host, port, autoClose, true);
    }

    /** Not supported: a server socket layered over bytes already read. */
    @Override
    public Socket createSocket(Socket transport, InputStream consumed, boolean autoClose) {
        throw new UnsupportedOperationException("SSLSocketFactory.createSocket(Socket, InputStream, boolean) is not supported");
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connect(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connect(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connect(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connect(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connect(InetSocketAddress peer, InetSocketAddress local) throws IOException {
        return SocketSetup.closedOnFailure(createSocket(), socket -> {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(peer);
        });
    }
}
