package io.tlsmachine.jsse;

import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.alpn.server.ALPNServerConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.ALPNProcessor;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;

/**
 * Jetty's server-side ALPN for our engines: Jetty's own processor for the JDK's SSLEngine applies only to engines of
 * the module java.base, so a Jetty server that negotiates HTTP/2 over our SSLContext needs this one (found through
 * {@code META-INF/services}); it does what Jetty's does, through {@code setHandshakeApplicationProtocolSelector}.
 */
public final class JettyAlpnProcessor implements ALPNProcessor.Server {

    @Override
    public boolean appliesTo(SSLEngine engine) {
        return engine instanceof TlsMachineEngine;
    }

    @Override
    public void configure(SSLEngine engine, Connection connection) {
        ALPNServerConnection alpn = (ALPNServerConnection) connection;
        engine.setHandshakeApplicationProtocolSelector((handshaking, offered) -> {
            try {
                alpn.select(offered);
                return alpn.getProtocol();
            } catch (RuntimeException none) {
                // RFC 7301 §3.2: null makes the engine send no_application_protocol.
                return null;
            }
        });
        ((SslConnection.SslEndPoint) alpn.getEndPoint()).getSslConnection().addHandshakeListener(new SslHandshakeListener() {
            @Override
            public void handshakeSucceeded(Event event) {
                if (alpn.getProtocol() == null) {
                    alpn.unsupported();
                }
            }
        });
    }
}
