package io.tlsmachine.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * An SSLSocket over a {@link TlsMachineEngine} and a plain socket: the handshake runs on {@link #startHandshake()}
 * or the first read or write; the streams read and write application data through a {@link BlockingTlsChannel}.
 * {@link HandshakeCompletedListener}s are told on the thread that completed the handshake, after it released its
 * locks.
 */
final class TlsMachineSocket extends LayeredSocket {
    private final EngineSource engines;
    private final boolean autoClose;
    private final List<HandshakeCompletedListener> listeners = new CopyOnWriteArrayList<>();
    private volatile TlsMachineEngine engine;
    private volatile BlockingTlsChannel channel;
    private volatile boolean closed;
    private volatile BiFunction<SSLSocket, List<String>, String> socketSelector;
    private final InputStream input = new TlsInput();
    private final OutputStream output = new TlsOutput();

    private TlsMachineSocket(EngineSource engines, Socket transport, TlsMachineEngine engine, boolean autoClose) {
        super(transport);
        this.engines = engines;
        this.engine = engine;
        this.autoClose = autoClose;
        engine.socket(this);
    }

    /** A socket over the connected {@code transport} (the peer {@code host}:{@code port}), in client or server mode. */
    static TlsMachineSocket layered(EngineSource engines, Socket transport, String host, int port, boolean autoClose,
            boolean client) throws IOException {
        if (!transport.isConnected()) {
            throw new SocketException("the underlying socket is not connected");
        }
        TlsMachineEngine engine = engines.engine(host, port);
        engine.setUseClientMode(client);
        TlsMachineSocket socket = new TlsMachineSocket(engines, transport, engine, autoClose);
        socket.channel = new BlockingTlsChannel(engine, transport.getInputStream(), transport.getOutputStream());
        return socket;
    }

    /** An unconnected client socket: its engine is made for the peer named in {@link #connect}. */
    static TlsMachineSocket unconnected(EngineSource engines) {
        TlsMachineEngine engine = engines.engine(null, -1);
        engine.setUseClientMode(true);
        return new TlsMachineSocket(engines, new Socket(), engine, true);
    }

    /** Makes the engine for the peer just connected to, keeping the parameters set so far. */
    @Override
    void connected(SocketAddress endpoint) throws IOException {
        InetSocketAddress address = (InetSocketAddress) endpoint;
        TlsMachineEngine configured = engine;
        TlsMachineEngine forPeer = engines.engine(address.getHostString(), address.getPort());
        forPeer.setUseClientMode(configured.getUseClientMode());
        forPeer.setSSLParameters(configured.getSSLParameters());
        if (configured.getHandshakeApplicationProtocolSelector() != null) {
            forPeer.setHandshakeApplicationProtocolSelector(configured.getHandshakeApplicationProtocolSelector());
        }
        forPeer.socket(this);
        engine = forPeer;
        channel = new BlockingTlsChannel(forPeer, transport.getInputStream(), transport.getOutputStream());
    }

    private BlockingTlsChannel channel() throws SocketException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        BlockingTlsChannel current = channel;
        if (current == null) {
            throw new SocketException("Socket is not connected");
        }
        return current;
    }

    @Override
    public void startHandshake() throws IOException {
        if (channel().handshake()) {
            HandshakeCompletedEvent event = new HandshakeCompletedEvent(this, engine.getSession());
            listeners.forEach(listener -> listener.handshakeCompleted(event));
        }
    }

    private BlockingTlsChannel handshaken() throws IOException {
        BlockingTlsChannel current = channel();
        if (!current.handshakeDone()) {
            startHandshake();
        }
        return current;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        channel();
        return input;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        channel();
        return output;
    }

    /** Sends close_notify once the handshake is done (mid-handshake the transport just closes), then closes. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        BlockingTlsChannel current = channel;
        try {
            if (current != null && current.handshakeDone()) {
                current.closeOutput();
            }
        } finally {
            if (autoClose || current == null || !current.handshakeDone()) {
                transport.close();
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed || super.isClosed();
    }

    /** Half-close: sends close_notify and shuts the transport's output; reading goes on. */
    @Override
    public void shutdownOutput() throws IOException {
        channel().closeOutput();
        transport.shutdownOutput();
    }

    @Override
    public void shutdownInput() throws IOException {
        channel().closeInput();
        transport.shutdownInput();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return engine.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return engine.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        engine.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return engine.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return engine.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        engine.setEnabledProtocols(protocols);
    }

    /** Runs the handshake if needed; when it fails, returns the unestablished session (protocol "NONE"). */
    @Override
    public SSLSession getSession() {
        try {
            handshaken();
            return engine.getSession();
        } catch (IOException failed) {
            // As in SunJSSE: the caller sees a session with SSL_NULL_WITH_NULL_NULL.
            return TlsMachineSession.unestablished(engine.getPeerHost(), engine.getPeerPort());
        }
    }

    @Override
    public SSLSession getHandshakeSession() {
        return engine.getHandshakeSession();
    }

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
        if (!listeners.remove(listener)) {
            throw new IllegalArgumentException("the listener was not registered");
        }
    }

    @Override
    public void setUseClientMode(boolean mode) {
        engine.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return engine.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        engine.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return engine.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        engine.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return engine.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        engine.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return engine.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return engine.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters parameters) {
        engine.setSSLParameters(parameters);
    }

    @Override
    public String getApplicationProtocol() {
        return engine.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return engine.getHandshakeApplicationProtocol();
    }

    /** The selector is called with this socket (the engine's selector is given the socket's engine). */
    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLSocket, List<String>, String> selector) {
        engine.setHandshakeApplicationProtocolSelector(
                selector == null ? null : (ignoredEngine, offered) -> selector.apply(this, offered));
        socketSelector = selector;
    }

    @Override
    public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return socketSelector;
    }

    /** Application data in: reads run the handshake first. */
    private final class TlsInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return handshaken().read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return channel().available();
        }

        @Override
        public void close() throws IOException {
            TlsMachineSocket.this.close();
        }
    }

    /** Application data out: writes run the handshake first; every write is sent at once. */
    private final class TlsOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            handshaken().write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            TlsMachineSocket.this.close();
        }
    }
}
