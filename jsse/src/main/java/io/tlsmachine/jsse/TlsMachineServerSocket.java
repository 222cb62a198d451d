package io.tlsmachine.jsse;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;

/**
 * An SSLServerSocket whose accepted sockets are {@link TlsMachineSocket}s in server mode (unless set otherwise),
 * each with an engine of the SSLContext carrying the parameters set on this server socket. The parameters are kept
 * on a template engine, which never handshakes.
 */
final class TlsMachineServerSocket extends SSLServerSocket {
    private final EngineSource engines;
    private final TlsMachineEngine template;

    TlsMachineServerSocket(EngineSource engines) throws IOException {
        this.engines = engines;
        this.template = engines.engine(null, -1);
        template.setUseClientMode(false);
    }

    /** Accepts a connection and returns its TLS socket; the handshake runs on its first use. */
    @Override
    public Socket accept() throws IOException {
        Socket transport = new Socket();
        implAccept(transport);
        try {
            TlsMachineSocket socket = TlsMachineSocket.layered(engines, transport,
                    transport.getInetAddress().getHostAddress(), transport.getPort(), true, template.getUseClientMode());
            socket.setSSLParameters(template.getSSLParameters());
            socket.setEnableSessionCreation(template.getEnableSessionCreation());
            return socket;
        } catch (IOException | RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return template.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        template.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return template.getSupportedCipherSuites();
    }

    @Override
    public String[] getSupportedProtocols() {
        return template.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return template.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        template.setEnabledProtocols(protocols);
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        template.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return template.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        template.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return template.getWantClientAuth();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        template.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return template.getUseClientMode();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        template.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return template.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return template.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters parameters) {
        template.setSSLParameters(parameters);
    }

    @Override
    public String toString() {
        return "TlsMachineServerSocket[" + getLocalSocketAddress() + "]";
    }
}
